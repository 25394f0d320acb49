"""Serve a built site on 127.0.0.1 as GitHub Pages does: under the site's base path, with
gzip for text files (so that byte counts are realistic). Tornado, which the site's pins
already hold, serves it on an event loop of its own, in a thread."""
import asyncio
import contextlib
import threading
from pathlib import Path

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, StaticFileHandler


@contextlib.contextmanager
def serve(folder: Path, base: str = "/"):
    """Yields the site root's URL: http://127.0.0.1:PORT/autograd-docs/ for the base path /autograd-docs/."""
    app = Application([(base.rstrip("/") + "/(.*)", StaticFileHandler,
                        {"path": str(folder), "default_filename": "index.html"})],
                      compress_response=True, log_function=lambda handler: None)
    sockets, loop = bind_sockets(0, "127.0.0.1"), asyncio.new_event_loop()

    def run():
        asyncio.set_event_loop(loop)
        HTTPServer(app).add_sockets(sockets)
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sockets[0].getsockname()[1]}{base}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()
        for sock in sockets:
            sock.close()
