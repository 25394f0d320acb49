"""Serve a built site on 127.0.0.1 as GitHub Pages does: under the site's base
path, with gzip for text files (so that byte counts are realistic)."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit


@contextlib.contextmanager
def serve(folder: Path, base: str = "/"):
    """Yields the URL of the site's root, e.g. http://127.0.0.1:PORT/autograd-docs/."""
    with tempfile.TemporaryDirectory() as top:
        if base.strip("/"):
            mount = Path(top, base.strip("/"))
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(folder.resolve(), target_is_directory=True)
            folder = Path(top)
        handler = functools.partial(_Handler, directory=str(folder))
        with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
            threading.Thread(target=server.serve_forever, daemon=True).start()
            try:
                yield f"http://127.0.0.1:{server.server_address[1]}/" + base.lstrip("/")
            finally:
                server.shutdown()


class _Handler(http.server.SimpleHTTPRequestHandler):
    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESS
                or not path.is_file() or not urlsplit(self.path).path.endswith(("/", path.suffix))):
            return super().send_head()  # a folder without its slash is redirected there
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)
