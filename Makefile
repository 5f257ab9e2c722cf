# fairflip — build, test and demo. Every target installs the Debian packages it needs when missing.

APT_PACKAGES := coinor-libcbc-dev coinor-libclp-dev coinor-cbc libopenblas-dev liblapacke-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
BIN := .build/release/fairflip

.PHONY: all deps build test demo bench fixtures clean

all: build

## deps: install the system libraries (CBC, OpenBLAS, LAPACKE) if any is missing
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## build: release build of the fairflip command
build: deps
	$(SWIFT) build -c release --product fairflip

## test: the whole test suite
test: deps
	$(SWIFT) test

## demo: the seed's picture (6 flips on the toy instance, demo/toy.svg), then audits of the bundled instances
demo: build
	$(BIN) demo --out demo
	@for spec in instances/compas.toml instances/german.toml instances/adult.toml; do \
	  echo; $(BIN) audit $$spec --quiet || exit 1; \
	done

## fixtures: regenerate the scikit-learn / fairlearn reference fixtures (needs Python)
fixtures:
	python3 -m pip install -q -r Benchmarks/peers/requirements.txt
	python3 Benchmarks/peers/make_fixtures.py

## bench: side-by-side speed against scikit-learn, one fit and a whole sweep (needs Python)
bench: build
	python3 -m pip install -q -r Benchmarks/peers/requirements.txt
	python3 Benchmarks/peers/fit_speed.py --fairflip $(BIN)
	python3 Benchmarks/peers/sweep_speed.py --fairflip $(BIN)

clean:
	rm -rf .build
