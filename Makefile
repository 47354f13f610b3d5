# meta-optout-assist: every target installs what it needs first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Headed runs need a display: use the real one, else a virtual one when xvfb-run exists.
XVFB   := $(if $(DISPLAY),,$(shell command -v xvfb-run >/dev/null 2>&1 && echo xvfb-run -a))

.PHONY: install browser test demo bench lint clean

install: $(STAMP) browser

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

browser: $(STAMP)
	@bash scripts/install-browser.sh $(PY)

test: install
	$(XVFB) $(PY) -m pytest -n 2 -q

demo: install
	$(PY) scripts/demo.py

bench: install
	$(PY) scripts/bench.py

lint: $(STAMP)
	$(PY) -m ruff check src tests scripts

clean:
	rm -rf $(VENV) demo-data
