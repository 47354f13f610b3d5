# meta-optout-assist: every target installs what it needs first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Headed runs need a display: use the real one, else a virtual one when xvfb-run exists.
XVFB   := $(if $(DISPLAY),,$(shell command -v xvfb-run >/dev/null 2>&1 && echo xvfb-run -a))

.PHONY: install browser test test-under-load demo bench docs lint i18n clean

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

# The suite three times in a row while another process keeps a core busy (a few minutes): no test
# may depend on the machine's speed. Fails if any run fails; each run's figures are printed.
test-under-load: install
	@bash scripts/test-under-load.sh

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

# The terminal's catalogs (src/meta_optout_assist/locale): extract the marked strings, bring each
# language's .po up to date (new strings come untranslated: translate them, then run this again),
# compile the .mo files. Both are committed, so a fresh clone, `pip install .` and pipx have them.
CATALOGS := src/meta_optout_assist/locale
LANGS    := de fr es it nl pl pt
PYBABEL  := $(VENV)/bin/pybabel
i18n: $(STAMP)
	$(PYBABEL) -q extract -F babel.cfg -o $(CATALOGS)/assist.pot -c TRANSLATORS: --add-location=file \
	  --sort-by-file --project meta-optout-assist --version $(shell $(PY) -c "import meta_optout_assist as m; print(m.__version__)") --copyright-holder "The meta-optout-assist authors" \
	  --msgid-bugs-address https://github.com/meta-optout-assist/meta-optout-assist/issues src/meta_optout_assist
	for l in $(LANGS); do [ -f $(CATALOGS)/$$l/LC_MESSAGES/assist.po ] \
	  || $(PYBABEL) -q init -D assist -i $(CATALOGS)/assist.pot -d $(CATALOGS) -l $$l; done
	$(PYBABEL) -q update -D assist -i $(CATALOGS)/assist.pot -d $(CATALOGS) --ignore-obsolete
	$(PYBABEL) compile -D assist -d $(CATALOGS) --statistics

clean:
	rm -rf $(VENV) demo-data
