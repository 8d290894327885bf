"""What a command prints: JSON with `--json`, else a sentence in the user's language. The
sentences come from the GUI's catalogue, which the composition root hands in."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Console:
    as_json: bool
    text: Callable[[str], str]  # a sentence's key → the sentence, translated
    describe: Callable[[BaseException], str]  # a core error → its sentence, translated

    def emit(self, data: dict[str, Any], text: str) -> None:
        print(json.dumps(data, ensure_ascii=False, default=str) if self.as_json else text)

    def say(self, data: dict[str, Any], key: str, **params: Any) -> None:
        self.emit(data, self.text(key).format(**params))
