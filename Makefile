# meta-optout-assist: every target installs what it needs first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Headed runs need a display: use the real one, else a virtual one when xvfb-run exists.
XVFB   := $(if $(DISPLAY),,$(shell command -v xvfb-run >/dev/null 2>&1 && echo xvfb-run -a))

.PHONY: install browser test demo bench docs lint clean

install: $(STAMP) browser

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test,dev]'
	touch $(STAMP)

browser: $(STAMP)
	@bash scripts/install-browser.sh $(PY)

test: install
	PYTHONDONTWRITEBYTECODE= $(XVFB) $(PY) -m pytest -n 2 -q

demo: install
	$(PY) scripts/demo.py

# Benchmark figures, printed and written to BENCHMARKS.md's "Latest run" (about 3 minutes; BENCH_ARGS=--skip-suite is quicker).
bench: install
	$(PY) scripts/bench.py $(BENCH_ARGS)

# The README's pictures in docs/img/: the replica's pages, and the real command in a terminal (needs tmux).
docs: install
	$(PY) scripts/screenshots.py

lint: $(STAMP)
	$(PY) -m ruff check src tests scripts

clean:
	rm -rf $(VENV) demo-data
