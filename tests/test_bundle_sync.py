"""Installing and updating the kit's files from a bundle (scjg.bundle.sync), on kit-only bundles made by the
real builder functions (no wheels): what is replaced, what is kept, what a damaged bundle does."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scjg import cli
from scjg.bundle import manifest
from scjg.bundle.build import write_kit
from scjg.bundle.sync import sync_kit
from scjg.bundle.targets import targets
from scjg.paths import KIT

NB = "notebooks/00-getting-started/00-getting-started.ipynb"


def kit_bundle(folder: Path, built: str) -> Path:
    """A bundle holding only kit/ (from this repository) and its manifest."""
    write_kit(KIT, folder)
    manifest.write(folder, {"format": 1, "kit_version": "0.1.0", "built": built, "targets": [], "font": None})
    return folder


def republish(folder: Path, built: str) -> None:
    data = manifest.read(folder)
    manifest.write(folder, {k: v for k, v in data.items() if k != "files"} | {"built": built})


def test_first_install_copies_every_kit_file(tmp_path):
    """Does a first install copy every kit file byte for byte and record them?"""
    bundle = kit_bundle(tmp_path / "b", "2026-01-01T00:00:00Z")
    report = sync_kit(bundle, tmp_path / "t")
    assert report.updated == [] and report.kept == [] and NB in report.added
    assert (tmp_path / "t" / NB).read_bytes() == (KIT / NB).read_bytes()
    state = json.loads((tmp_path / "t/.scjg/installed.json").read_text(encoding="utf-8"))
    assert set(state["files"]) == set(report.added)


def test_update_replaces_untouched_and_keeps_changed_files(tmp_path):
    """Is an untouched file replaced by the new version, a changed one kept (new version set aside), a new one
    added, and one the new bundle dropped left in place?"""
    bundle = kit_bundle(tmp_path / "b", "2026-01-01T00:00:00Z")
    target = tmp_path / "t"
    sync_kit(bundle, target)
    (target / NB).write_text("学员的答案", encoding="utf-8")
    law = "datasets/laws/texts/price_law.md"
    (bundle / "kit" / law).write_text("新版价格法", encoding="utf-8")
    (bundle / "kit" / NB).write_text("新版笔记本", encoding="utf-8")
    (bundle / "kit/notebooks/09-new/09-new.ipynb").parent.mkdir(parents=True)
    (bundle / "kit/notebooks/09-new/09-new.ipynb").write_text("{}", encoding="utf-8")
    (bundle / "kit/grading/roster.example.csv").unlink()
    republish(bundle, "2026-02-01T00:00:00Z")

    report = sync_kit(bundle, target)
    assert report.kept == [NB] and report.updated == [law] and report.added == ["notebooks/09-new/09-new.ipynb"]
    assert (target / NB).read_text(encoding="utf-8") == "学员的答案"
    assert (target / ".scjg/updates/2026-02-01T000000Z" / NB).read_text(encoding="utf-8") == "新版笔记本"
    assert (target / law).read_text(encoding="utf-8") == "新版价格法"
    assert (target / "grading/roster.example.csv").is_file()

    (bundle / "kit" / law).write_text("再新版价格法", encoding="utf-8")
    republish(bundle, "2026-03-01T00:00:00Z")
    again = sync_kit(bundle, target)
    assert again.kept == [NB], "学员改过的笔记本在以后的每次更新中都应保留"
    assert again.updated == [law]


def test_damaged_bundle_changes_nothing(tmp_path):
    """Does a bundle with a corrupted file stop with a Chinese message naming it, before touching the target?"""
    bundle = kit_bundle(tmp_path / "b", "2026-01-01T00:00:00Z")
    (bundle / "kit/datasets/laws/texts/food_safety_law.md").write_text("被篡改", encoding="utf-8")
    with pytest.raises(ValueError, match="(?s)已损坏.*food_safety_law.md"):
        sync_kit(bundle, tmp_path / "t")
    assert not (tmp_path / "t").exists()


def test_sync_of_a_folder_that_is_no_bundle(tmp_path, capsys):
    """Does the installer's sync step say in Chinese that a folder without manifest is no bundle?"""
    from scjg.bundle.sync import main
    assert main([str(tmp_path), str(tmp_path / "t")]) == 1
    assert "不是工具包安装包" in capsys.readouterr().out


def test_unknown_platform_and_python_are_refused_in_chinese(tmp_path, capsys):
    """Does `scjg bundle` refuse an unknown platform or a bad Python version with a Chinese message, writing nothing?"""
    assert cli.main(["bundle", "--platform", "win32", str(tmp_path / "out")]) == 1
    assert "不认识的平台：win32" in capsys.readouterr().out
    assert cli.main(["bundle", "--python", "3.9", str(tmp_path / "out")]) == 1
    assert "不低于 3.11" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()
    assert [t.tag for t in targets(["win_amd64", "macosx_arm64"], ["3.11", "3.12"])] == \
        ["win_amd64-cp311", "win_amd64-cp312", "macosx_arm64-cp311", "macosx_arm64-cp312"]


def test_bundle_will_not_delete_a_foreign_folder(tmp_path, capsys):
    """Does `scjg bundle` refuse to replace an existing folder that is not a bundle?"""
    victim = tmp_path / "out" / "scjg-offline-0.1.0"
    victim.mkdir(parents=True)
    (victim / "mine.txt").write_text("教员的文件", encoding="utf-8")
    assert cli.main(["bundle", "--platform", "manylinux_x86_64", str(tmp_path / "out")]) == 1
    assert "不是安装包" in capsys.readouterr().out
    assert (victim / "mine.txt").read_text(encoding="utf-8") == "教员的文件"


def test_readme_offline_path_names_real_commands():
    """Does README's 内网 section use a Makefile target and a verb that exist, and name the update command?"""
    readme = (KIT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 内网", 1)[1].split("\n## ", 1)[0]
    assert "make bundle" in section and "\nbundle:" in (KIT / "Makefile").read_text(encoding="utf-8")
    assert "scjg bundle" in section and "bundle" in cli.VERBS
    assert "install.bat --update" in section and "不会被覆盖" in section
    assert re.search(r"Windows（win_amd64） \| 约 \d+ MB", section), "安装包大小应写实测值"


def test_learner_install_leaves_out_answers_and_runs_lesson00(tmp_path, monkeypatch):
    """Does a learner install hold no lesson sources (solutions, hidden tests, 教案) but the course index, keep
    that mode on update, and still run lesson 00 without errors or stderr?"""
    from scjg.execute import run_notebook

    bundle = kit_bundle(tmp_path / "b", "2026-01-01T00:00:00Z")
    target = tmp_path / "t"
    sync_kit(bundle, target, learner=True)
    assert sorted(p.relative_to(target).as_posix() for p in (target / "lessons").rglob("*") if p.is_file()) == \
        ["lessons/catalog.yaml"]
    assert (bundle / "kit/lessons/02-food-safety/plan.md").is_file()
    assert (target / NB).is_file()
    republish(bundle, "2026-02-01T00:00:00Z")
    again = sync_kit(bundle, target)
    assert not any(rel.startswith("lessons/0") for rel in again.added + again.updated + again.unchanged)

    monkeypatch.setenv("SCJG_ROOT", str(target))
    monkeypatch.setenv("SCJG_DATASETS", str(target / "datasets"))
    result = run_notebook(target / NB)
    assert result.errors == [] and result.stderr == []
