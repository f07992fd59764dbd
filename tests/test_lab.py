"""`scjg lab`: the command line and settings of a learner's and a trainer's JupyterLab (the browser test drives both)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from scjg import lab


def test_command_lines_follow_the_workspace_at_call_time(tmp_path, monkeypatch):
    """With SCJG_ROOT set after import, is a learner's server rooted at its notebooks/ and a trainer's at the
    workspace, each with its kit-owned settings?"""
    (tmp_path / "grading").mkdir()
    monkeypatch.setenv("SCJG_ROOT", str(tmp_path))
    learner, trainer = lab.lab_command(), lab.lab_command(trainer=True)
    assert f"--ServerApp.root_dir={tmp_path / 'notebooks'}" in learner
    assert f"--LabApp.app_settings_dir={lab.settings_dir(False)}" in learner
    assert f"--ServerApp.root_dir={tmp_path}" in trainer
    assert f"--LabApp.app_settings_dir={lab.settings_dir(True)}" in trainer
    learner_path = lab.lab_environment()["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert learner_path[:2] == [str(tmp_path / "grading"), str(lab.settings_dir(False))]
    assert str(lab.settings_dir(False)) not in lab.lab_environment(trainer=True)["JUPYTER_CONFIG_PATH"]


def test_learner_settings_switch_off_exactly_the_trainer_tools():
    """Do the learner settings disable Create Assignment, Formgrader and Course List (and their server side) and
    nothing a learner needs, while the trainer settings disable nothing; both in Chinese?"""
    page = json.loads((lab.settings_dir(False) / "page_config.json").read_text(encoding="utf-8"))
    assert {k for k, v in page["disabledExtensions"].items() if v} == set(lab.TRAINER_PLUGINS)
    server = json.loads((lab.settings_dir(False) / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ServerApp"]["jpserver_extensions"] == {"nbgrader.server_extensions.formgrader": False,
                                                          "nbgrader.server_extensions.course_list": False}
    trainer = json.loads((lab.settings_dir(True) / "page_config.json").read_text(encoding="utf-8"))
    assert not any(trainer["disabledExtensions"].values())
    for mode in (False, True):
        overrides = json.loads((lab.settings_dir(mode) / "overrides.json").read_text(encoding="utf-8"))
        assert overrides[lab.LOCALE_PLUGIN]["locale"] == "zh_CN"


def test_nothing_is_written_into_the_environment(tmp_path, monkeypatch):
    """Does preparing a lab leave the Python environment's JupyterLab settings alone?"""
    settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    before = sorted(settings.rglob("*")) if settings.exists() else None
    (tmp_path / "grading").mkdir()
    (tmp_path / "grading" / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    monkeypatch.setenv("SCJG_ROOT", str(tmp_path))
    lab.prepare_course()
    lab.lab_command(), lab.lab_environment()
    assert (sorted(settings.rglob("*")) if settings.exists() else None) == before


def test_environment_wide_chinese_ui_for_other_launchers(tmp_path, monkeypatch):
    """For servers not started by scjg lab, does set_chinese_ui write the kit's settings once, keeping others?"""
    target = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    target.parent.mkdir(parents=True)
    target.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}', encoding="utf-8")
    assert lab.set_chinese_ui() is True
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data[lab.LOCALE_PLUGIN]["locale"] == "zh_CN"
    assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert data["@jupyterlab/apputils-extension:themes"]["theme"] == "JupyterLab Dark"
    assert lab.set_chinese_ui() is False


def test_answer_cell_run_before_the_setup_cell_works_in_the_labs_kernel(tmp_path, monkeypatch):
    """A beginner runs an answer cell before the setup cell: in a kernel started the way `scjg lab` starts them
    (the kit's kernelspec on JUPYTER_PATH), is the answer stored instead of IPython's English
    'Cell magic not found', for learners and trainers alike?"""
    from jupyter_client.manager import start_new_kernel

    (tmp_path / "grading").mkdir()
    monkeypatch.setenv("SCJG_ROOT", str(tmp_path))
    for trainer in (False, True):
        monkeypatch.setenv("JUPYTER_PATH", lab.lab_environment(trainer=trainer)["JUPYTER_PATH"])
        km, kc = start_new_kernel(kernel_name="python3")
        try:
            outputs = []
            reply = kc.execute_interactive("%%answer q1\n5万元", timeout=60, output_hook=outputs.append)
            assert reply["content"]["status"] == "ok", reply["content"]
            assert not [o for o in outputs if o["msg_type"] == "error"]
            reply = kc.execute_interactive("print(repr(q1))", timeout=60, output_hook=outputs.append)
            printed = [o["content"]["text"] for o in outputs if o["msg_type"] == "stream"]
            assert printed[-1].strip() == "'5万元'"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
