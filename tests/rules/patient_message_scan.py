"""Every patient message the rules can produce, read off their source (no engine run needed).

Patient messages are fixed text (clinical-rules.md 3.7), so each ``patient_message=`` of a
``Hit`` is built from literals, module constants, local names, helper parameters,
``unsure_patient_message(...)`` with literal arguments and f-strings of those. This walks
the source and evaluates each of them to the set of strings it can take; anything else is
reported as unreadable, so a new message the catalogue cannot list fails a test.
"""

from __future__ import annotations

import ast
import importlib
import itertools
from pathlib import Path
from types import ModuleType

RULES_DIR = Path(__file__).resolve().parents[2] / "screening" / "rules"


class _ModuleScan:
    def __init__(self, module: ModuleType, tree: ast.Module) -> None:
        self.module = module
        self.tree = tree
        self.unreadable: list[str] = []
        self.functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        self.envs = {name: self._assignments(fn) for name, fn in self.functions.items()}
        self.caller: dict[int, str] = {}
        for name, fn in self.functions.items():
            for node in ast.walk(fn):
                if isinstance(node, ast.Call):
                    self.caller[id(node)] = name

    @staticmethod
    def _assignments(fn: ast.AST) -> dict[str, list[ast.expr]]:
        env: dict[str, list[ast.expr]] = {}
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    env.setdefault(target.id, []).append(node.value)
        return env

    def values(self, node: ast.expr, function: str | None) -> set[str]:
        env = self.envs.get(function, {}) if function else {}
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.values(node.left, function), self.values(node.right, function)
            return {a + b for a in left for b in right}
        if isinstance(node, ast.IfExp):
            return self.values(node.body, function) | self.values(node.orelse, function)
        if isinstance(node, ast.JoinedStr):
            parts = [
                self.values(v if isinstance(v, ast.Constant) else v.value, function)
                for v in node.values
            ]
            return {"".join(combo) for combo in itertools.product(*parts)}
        if isinstance(node, ast.Name):
            if node.id in env:
                return set().union(*(self.values(v, function) for v in env[node.id]))
            if function and node.id in self._parameters(function):
                return self._argument_values(function, node.id)
            constant = getattr(self.module, node.id, None)
            if isinstance(constant, str):
                return {constant}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            helper = getattr(self.module, node.func.id, None)
            if callable(helper):
                return self._call_values(helper, node, function)
        self.unreadable.append(f"{self.module.__name__}:{node.lineno}: {ast.unparse(node)}")
        return set()

    def _parameters(self, function: str) -> list[str]:
        return [a.arg for a in self.functions[function].args.args]

    def _argument_values(self, function: str, parameter: str) -> set[str]:
        index = self._parameters(function).index(parameter)
        found: set[str] = set()
        for call in ast.walk(self.tree):
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == function):
                continue
            if index < len(call.args):
                argument = call.args[index]
            else:
                argument = next(k.value for k in call.keywords if k.arg == parameter)
            found |= self.values(argument, self.caller.get(id(call)))
        return found

    def _call_values(self, helper, node: ast.Call, function: str | None) -> set[str]:
        def options(value: ast.expr) -> set:
            if isinstance(value, ast.Constant) and isinstance(value.value, bool):
                return {value.value}
            return self.values(value, function)

        positional = [options(a) for a in node.args]
        names = [k.arg for k in node.keywords]
        keyword = [options(k.value) for k in node.keywords]
        results = set()
        for combo in itertools.product(*positional, *keyword):
            args, kwargs = (
                combo[: len(positional)],
                dict(zip(names, combo[len(positional) :], strict=True)),
            )
            results.add(helper(*args, **kwargs))
        return results


def scan() -> tuple[set[str], list[str]]:
    """(every patient message the rules can produce, the expressions that could not be read)."""
    messages: set[str] = set()
    unreadable: list[str] = []
    for path in sorted(RULES_DIR.glob("*.py")):
        module = importlib.import_module(f"screening.rules.{path.stem}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_scan = _ModuleScan(module, tree)
        enclosing = {
            id(node): name for name, fn in module_scan.functions.items() for node in ast.walk(fn)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "patient_message":
                    messages |= module_scan.values(keyword.value, enclosing.get(id(node)))
        unreadable += module_scan.unreadable
    return messages, unreadable
