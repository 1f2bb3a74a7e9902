# The two set-up commands of the README, and a few more for development.
# Each installs what is missing (libncurses-dev, tmux) before it builds.

.PHONY: demo test build release deb deb-test deps clean

demo: deps
	swift run marac demo

test: deps
	swift build --build-tests
	swift test

build: deps
	swift build

release: deps
	swift build -c release

# marac_VERSION_ARCH.deb: a release build with the Swift runtime linked in, man pages,
# completions and the docs (scripts/make-deb.sh); deb-test unpacks it and runs it without the
# toolchain, as CI does.
deb: deps
	./scripts/make-deb.sh

deb-test: deps
	./scripts/test-deb.sh

deps:
	@./scripts/install-deps.sh

clean:
	rm -rf .build
