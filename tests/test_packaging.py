"""The wheel installs one import package, `tongket`, with the default and accurate models and the digest schema inside."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_has_only_the_tongket_package(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("tongket-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"tongket", next(t for t in top if t.endswith(".dist-info"))}
    for required in ("tongket/models/default/runtime.npz", "tongket/models/default/manifest.json",
                     "tongket/models/accurate/runtime.npz", "tongket/models/accurate/manifest.json",
                     "tongket/summarise/digest.schema.json", "tongket/__init__.py", "tongket/pipeline.py", "tongket/report/templates/report.html.j2", "tongket/cli/app.py"):
        assert required in names
