#!/bin/sh
# 市场监管大讲堂 离线安装（Linux / macOS）。不连接任何网络：软件包全部来自本安装包。
#   sh install.sh [目标文件夹]            首次安装（默认 ~/scjg）
#   sh install.sh --update [目标文件夹]   用新版安装包更新课程、法律文本和工具包；学员作答过的笔记本不会被覆盖
#   sh install.sh --learner [目标文件夹]  学员电脑：不装教员版课程源文件（含答案和教案）
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TAGS="@TAGS@"
UPDATE=0
LEARNER=""
TARGET=""
for arg in "$@"; do
  case "$arg" in
    --update) UPDATE=1 ;;
    --learner) LEARNER=--learner ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) TARGET=$arg ;;
  esac
done
TARGET=${TARGET:-$HOME/scjg}
fail() { echo "安装未完成：$1" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLATFORM=manylinux_x86_64 ;;
  Darwin-arm64) PLATFORM=macosx_arm64 ;;
  *) fail "本安装包不支持这台电脑（$(uname -s) $(uname -m)）。Windows 请双击 install.bat。" ;;
esac

# A Python whose version has wheels in this bundle: $PYTHON, else python3.X, python3.
PY=""
for candidate in ${PYTHON:-} python3.11 python3.12 python3.13 python3 python; do
  command -v "$candidate" >/dev/null 2>&1 || continue
  version=$("$candidate" -c 'import sys; print("cp%d%d" % sys.version_info[:2])' 2>/dev/null) || continue
  case " $TAGS " in *" $PLATFORM-$version "*) PY=$candidate; TAG=$PLATFORM-$version; break ;; esac
done
[ -n "$PY" ] || fail "没有找到本安装包适用的 Python（本包含：$TAGS）。请先安装 Python 3.11（见 README.md“没有 Python 时”）。"

VENV=$TARGET/.venv
if [ -x "$VENV/bin/python" ]; then
  echo "更新已安装的工具包：$TARGET"
else
  [ "$UPDATE" = 0 ] || fail "$TARGET 中没有已安装的工具包；首次安装请去掉 --update。"
  echo "安装到：$TARGET（Python：$("$PY" --version 2>&1)）"
  mkdir -p "$TARGET"
  "$PY" -m venv "$VENV" || fail "无法创建虚拟环境（Debian/Ubuntu/统信 UOS 上请先安装 python3-venv）。"
fi

# Only this bundle's wheels, each checked against its sha256; no index, no pip config, no version check.
pip_install() {
  "$VENV/bin/python" -m pip --isolated --disable-pip-version-check install --quiet --no-index --require-hashes \
    --no-warn-script-location --find-links "$HERE/wheels/common" --find-links "$HERE/wheels/$TAG" "$@"
}
echo "安装软件包（离线，已安装且版本相同的会跳过）……"
pip_install -r "$HERE/requirements/$TAG.txt" || fail "软件包安装出错（见上方信息）。"
pip_install --no-deps --force-reinstall -r "$HERE/requirements/scjg.txt" || fail "工具包安装出错（见上方信息）。"
exec "$VENV/bin/python" -m scjg.bundle.sync "$HERE" "$TARGET" $LEARNER
