"""Rewrite the golden digests after a deliberate change: python tests/data/regenerate.py"""

import json
from pathlib import Path

from tongket.models.store import load_classifier
from tongket.pipeline import digest_batch
from tongket.text.read import read_path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"

classifier = load_classifier()
for path in sorted(EXAMPLES.iterdir()):
    if path.suffix in (".txt", ".html"):
        digest = digest_batch([read_path(path)], classifier)[0].to_dict()
        digest["source"] = path.name
        (HERE / f"{path.name}.digest.json").write_text(json.dumps(digest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print("wrote", path.name)
