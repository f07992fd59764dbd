# 市场监管大讲堂 培训工具包
#   make lab    安装（如需要）并打开中文 JupyterLab，显示学员版课程 notebooks/
#   make test   安装（如需要，含浏览器与中文字体）并运行全部测试
#   make bench  运行评分性能基准（不属于测试）
#   make bundle 生成内网离线安装包（Windows、Linux、macOS）到 dist/，需能访问软件源
# A second run installs nothing new: each install step is guarded by a stamp file
# that is older than pyproject.toml only when the dependencies changed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: lab test bench bundle install install-test system-deps release doctor clean-venv

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "需要 Python 3.11 或更高版本")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	@touch $@

$(VENV)/.installed-bundle: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bundle]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian/Ubuntu: the browser and CJK fonts the tests need, ip (iproute2) for the offline-bundle test's
# network namespace and bwrap (bubblewrap) to confine grading kernels (skipped when present).
system-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v bwrap >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "安装测试所需的系统软件包：chromium、中文字体、iproute2、poppler-utils、bubblewrap……"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-color-emoji fonts-wqy-microhei iproute2 poppler-utils bubblewrap >/dev/null; \
	else echo "请手动安装 Chromium 浏览器和一种中文字体（如 Noto Sans CJK SC），浏览器测试需要它们。"; fi

lab: install
	$(VENV)/bin/scjg lab

test: system-deps install-test
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
