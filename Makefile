# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[formats,analytics,test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f dotterel.duckdb
	$(BIN)/dotterel run src/dotterel/examples --db dotterel.duckdb
	$(BIN)/dotterel events --db dotterel.duckdb

# Debian's chromium for the browser test of the offline chart; without root or
# apt-get the test skips with its reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
		echo "note: chromium not installed; the browser test will be skipped"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) dotterel.duckdb .pytest_cache
