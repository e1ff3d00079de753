"""The one pipeline (record -> findings -> Diagnosis) is public, and front ends use only public names."""

import ast
import pathlib

import shapedoctor

PACKAGE = pathlib.Path(shapedoctor.__file__).parent
# The front ends and the pipeline they share (the engine's own packages are checked by their owners).
FRONT_ENDS = ["app", "integrations", "render", "check", "pipeline.py", "api.py", "cli.py"]


def _private_imports_across_packages(path: pathlib.Path) -> list[str]:
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("shapedoctor."):
            parts = node.module.split(".")
            if parts[1] == own:
                continue
            for alias in node.names:
                if alias.name.startswith("_") or any(p.startswith("_") for p in parts[2:]):
                    bad.append(f"{rel}:{node.lineno} imports {node.module}.{alias.name}")
    return bad


def test_front_ends_import_no_private_names_of_other_packages():
    files = []
    for name in FRONT_ENDS:
        target = PACKAGE / name
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else []
    assert len(files) > 8
    bad = [b for f in files for b in _private_imports_across_packages(f)]
    assert bad == []


def test_every_front_end_calls_the_public_pipeline():
    for rel in ["app/run.py", "integrations/_core.py", "api.py"]:
        text = (PACKAGE / rel).read_text(encoding="utf-8")
        assert "pipeline" in text, rel
        assert "app.run import" not in text, rel


def test_no_package_imports_another_packages_private_names():
    """The engine's stages too (diagnosis, repair, explain, graph, trace, ...): a name used by another
    package is public, so its owner knows it is shared."""
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 60
    bad = [b for f in files for b in _private_imports_across_packages(f)]
    assert bad == []


def test_keras_implementation_modules_are_imported_in_one_place_only():
    """``keras.src`` (Keras's implementation namespace, no public contract) is reached only through
    ``shapedoctor/keras_internals.py``; everything else uses Keras's public names."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "keras_internals.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            bad += [f"{path.relative_to(PACKAGE)}:{node.lineno} imports {n}" for n in names
                    if n == "keras.src" or n.startswith("keras.src.")]
    assert bad == []
