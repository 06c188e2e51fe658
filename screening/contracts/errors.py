"""The contract's error type: a dotted field path and a short plain message."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ROOT_PATH = "document"


@dataclass(frozen=True)
class ContractError:
    """One thing wrong with a document: where (``path``) and what (``message``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class IntakeInvalid(ValueError):
    """An intake document broke the dn-intake/1 contract; ``errors`` says where and why."""

    def __init__(self, errors: Sequence[ContractError]) -> None:
        self.errors: tuple[ContractError, ...] = tuple(errors)
        super().__init__(str(self.errors[0]) if self.errors else "invalid intake document")


class AssessmentInvalid(RuntimeError):
    """The engine produced an assessment that breaks dn-assessment/1: a bug, never user error."""

    def __init__(self, errors: Sequence[ContractError]) -> None:
        self.errors: tuple[ContractError, ...] = tuple(errors)
        super().__init__("; ".join(str(error) for error in self.errors[:5]))


def field_path(steps: Iterable[str | int]) -> str:
    """Return ``a.b[0].c`` for the steps ``("a", "b", 0, "c")``; the root is ``document``."""
    out = ""
    for step in steps:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out or ROOT_PATH


def join_path(base: str, name: str) -> str:
    """Return the path of field ``name`` inside the object at ``base``."""
    return name if base == ROOT_PATH else f"{base}.{name}"
