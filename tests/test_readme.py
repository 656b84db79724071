"""The README's Python API example runs as written, from the repository root."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_api_example_runs(tmp_path, capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TONGKET_CACHE", str(tmp_path / "cache"))
    code = code.replace('"bao-cao.md"', repr(str(tmp_path / "bao-cao.md"))).replace('".tongket-cache"', repr(str(tmp_path / "c")))
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "nhiệm vụ:" in printed and "articles in the report" in printed
    assert (tmp_path / "bao-cao.md").read_text(encoding="utf-8").startswith("# ")
