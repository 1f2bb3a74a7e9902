# The two set-up commands of the README, and a few more for development.
# Each installs what is missing (libncurses-dev, tmux) before it builds.

.PHONY: demo test build release deps clean

demo: deps
	swift run marac demo

test: deps
	swift build --build-tests
	swift test

build: deps
	swift build

release: deps
	swift build -c release

deps:
	@./scripts/install-deps.sh

clean:
	rm -rf .build
