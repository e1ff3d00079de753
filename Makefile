# shapedoctor developer commands. Everything runs in ./.venv, created on first use.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: setup demo test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# Diagnose the bundled examples (the seed article's three examples).
demo: setup
	@for f in examples/seed_example1_dense_units.py examples/seed_example2_reshape.py examples/seed_example3_lstm.py; do \
		echo; echo "\$$ shapedoctor run --no-traceback $$f"; \
		$(VENV)/bin/shapedoctor run --no-traceback $$f; echo "(exit code $$?)"; \
	done

# The test files are spread over two workers (pytest-xdist, one file per worker at a time); the
# few timing-sensitive tests (marked `serial`: kills, Ctrl-C, a fresh interpreter) run alone after.
test: setup
	$(PY) -m pytest -q --durations=40 -n 2 --dist loadfile -m "not serial"; parallel=$$?; \
	$(PY) -m pytest -q --durations=10 -m serial; serial=$$?; \
	test $$parallel -eq 0 -a $$serial -eq 0

bench: setup
	$(PY) benchmarks/bench_run_overhead.py
	$(PY) benchmarks/bench_large_model.py
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_report.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
