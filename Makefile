# 市场监管大讲堂 培训工具包
#   make lab    安装（如需要）并打开中文 JupyterLab，显示学员版课程 notebooks/
#   make test   安装（如需要，含浏览器与中文字体）并运行全部测试
#   make bench  运行评分性能基准（不属于测试）
#   make proxy  安装 JupyterHub 所需的 configurable-http-proxy（npm，装在 .venv/node 下）
#   make bundle 生成内网离线安装包（Windows、Linux、macOS）到 dist/，需能访问软件源
# A second run installs nothing new: each install step is guarded by a stamp file
# that is older than pyproject.toml only when the dependencies changed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: lab test bench bundle install install-test system-deps proxy release doctor clean-venv

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "需要 Python 3.11 或更高版本")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bundle,hub]'
	@touch $@

$(VENV)/.installed-bundle: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bundle]'
	@touch $@

# JupyterHub's proxy comes from the npm registry, pinned, into a kit-local prefix (no global install).
CHP_VERSION := 5.3.0
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy
$(CHP): Makefile | $(PY)
	npm install --silent --no-fund --no-audit --prefix $(VENV)/node configurable-http-proxy@$(CHP_VERSION)
	@touch $@

proxy: $(CHP)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian/Ubuntu: the browser and CJK fonts the tests need, ip (iproute2) for the offline-bundle test's
# network namespace, bwrap (bubblewrap) to confine grading kernels, PostgreSQL (gradebook tests) and
# Node.js/npm (JupyterHub's proxy); skipped when present, and an existing Node.js is kept as it is.
system-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v bwrap >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . \
		&& ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "安装测试所需的系统软件包：chromium、中文字体、iproute2、poppler-utils、bubblewrap、postgresql、nodejs……"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji fonts-wqy-microhei iproute2 poppler-utils bubblewrap postgresql >/dev/null; \
		command -v npm >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; \
	else echo "请手动安装 Chromium 浏览器、一种中文字体（如 Noto Sans CJK SC）、PostgreSQL 和 Node.js（含 npm），测试需要它们。"; fi

lab: install
	$(VENV)/bin/scjg lab

test: system-deps install-test proxy
	$(PY) -m pytest

bench: install-test
	$(PY) benchmarks/bench_grading.py

bundle: $(VENV)/.installed-bundle
	$(VENV)/bin/scjg bundle --platform win_amd64 --platform manylinux_x86_64 --platform macosx_arm64 dist

release: install
	$(VENV)/bin/scjg release

doctor: install
	$(VENV)/bin/scjg doctor

clean-venv:
	rm -rf $(VENV)
