# Moodify: `make run` runs the main notebook, `make test` the test suite, `make bench` the benchmarks,
# `make web` serves the web app (WEB_ARGS="--port 9000 --model PATH" to change its options).
SWIFT   ?= swift
RELEASE := .build/release
# The corpus: MOODIFY_AUDIO if set, else AudioWAV/, else the development corpus beside the project.
MOODIFY_AUDIO ?= $(if $(wildcard AudioWAV),AudioWAV,$(if $(wildcard ../shared/corpus/crema-d-dev),../shared/corpus/crema-d-dev,AudioWAV))
export MOODIFY_AUDIO
NOTEBOOK ?= Notebooks/method_1.moodify

.PHONY: setup build run test bench clean web

setup:
	@Scripts/setup

build: setup
	$(SWIFT) build -c release --product moodify-repl

run: build
	$(RELEASE)/moodify-repl $(NOTEBOOK)

# The browser test drives the real page in headless Chromium (it skips with a message when none is installed).
test: setup
	$(SWIFT) test
	$(SWIFT) build --product moodify-web
	Scripts/browser_test.py

bench: build
	Scripts/bench

clean:
	rm -rf .build

web: setup
	$(SWIFT) build -c release --product moodify-web
	$(RELEASE)/moodify-web $(WEB_ARGS)
