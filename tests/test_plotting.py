"""Chinese in charts: a real CJK font is registered, or a clear Chinese message says how to get one."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from scjg import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def fresh():
    plotting.reset()
    yield
    plotting.reset()


def test_cjk_font_found_and_used():
    """Is an installed CJK font found, registered and put first for sans-serif text?"""
    font = plotting.setup_cjk_font()
    assert font in [family for family, _ in plotting.CJK_FAMILIES]
    assert matplotlib.rcParams["font.sans-serif"][0] == font
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_chinese_chart_has_no_missing_glyphs():
    """Does drawing Chinese labels raise no 'Glyph missing' warning?"""
    plotting.setup_cjk_font()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax = plotting.bar_chart(["食品", "药品", "特种设备", "价格"], [3, 2, 1, 4], title="案件数（−示例）", xlabel="件")
        ax.figure.canvas.draw()
        plt.close(ax.figure)
    assert not [w for w in caught if "Glyph" in str(w.message) or "missing from" in str(w.message)]


def test_stale_cache_is_repaired(monkeypatch):
    """When matplotlib's cache does not list the font, is the file on disk registered?"""
    from matplotlib import font_manager
    kept = [f for f in font_manager.fontManager.ttflist if f.name not in {fam for fam, _ in plotting.CJK_FAMILIES}]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", kept)
    families = {fam for fam, _ in plotting.CJK_FAMILIES}
    assert not families & {f.name for f in font_manager.fontManager.ttflist}
    found = plotting.find_cjk_font()
    assert found in families
    assert found in {f.name for f in font_manager.fontManager.ttflist}, "字体文件应重新登记到 fontManager"


def test_missing_font_message(monkeypatch, capsys):
    """With no CJK font anywhere, is one Chinese message with an install command printed to stdout only?"""
    monkeypatch.setattr(plotting, "find_cjk_font", lambda: None)
    assert plotting.setup_cjk_font() is None
    out = capsys.readouterr()
    assert "未找到中文字体" in out.out and "安装" in out.out
    assert out.err == ""
    assert plotting.setup_cjk_font() is None
    assert capsys.readouterr().out == "", "提示只显示一次"


@pytest.mark.parametrize("value, text", [(50000, "5万元"), (3200, "3,200元"), (1500000, "150万元"), (12345.5, "12,345.50元"), (None, "无上限")])
def test_yuan(value, text):
    """Are amounts shown the way officers read them?"""
    assert plotting.yuan(value) == text


@pytest.mark.parametrize("value, legal", [(10999.6, "10999.60元"), (1e10, "1000000万元"), (15000, "1.5万元")])
def test_one_yuan_writer(value, legal):
    """Do legal sentences and displays share one rule: exact 万 only for whole thousands, no scientific notation?"""
    from scjg.penalties import yuan as legal_yuan
    assert legal_yuan(value) == legal
    assert plotting.yuan(value).replace(",", "") == legal
