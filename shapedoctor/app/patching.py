"""``--diff`` / ``--write``: prove the chosen fix by running the patched script, then show or write it."""

from __future__ import annotations

import os
import re
import sys

from shapedoctor.patch.proof_client import PROVING as PROOF_ENV  # set in a proof: no nested proofs
from shapedoctor.report.model import Diagnosis


def patch_step(diagnosis: Diagnosis, mode: str, number: int, argv: list[str], timeout: float, backup_suffix: str,
               as_json: bool, sources: dict[str, str | None], render, home: str | None = None,
               weight_free: bool = False) -> int:
    """Prove and show or write the chosen fix; *home* is the working directory the script started in."""
    from shapedoctor.patch.apply import make_patch, read_source
    from shapedoctor.patch.prove import prove
    from shapedoctor.patch.write import WriteRefused, digest, write_patch

    if home is not None:  # the script may have changed directory: paths (and the proof) start from home again
        try:
            os.chdir(home)
        except OSError as exc:
            render(diagnosis, as_json)
            print(f"shapedoctor: cannot return to {home} ({exc.strerror}); nothing to show or write", file=sys.stderr)
            return 1
    primary = next((f for f in diagnosis.findings if f.fixes), None)
    if not diagnosis.findings:
        render(diagnosis, as_json)
        if not as_json:
            print("nothing to fix: no shape problem found" + ("; nothing written" if mode == "write" else ""))
        return 0
    if primary is None:
        render(diagnosis, as_json)
        print("shapedoctor: no fix could be verified, so there is nothing to write", file=sys.stderr)
        return 1
    explicit = number is not None
    number = number or 1
    if not 1 <= number <= len(primary.fixes):
        render(diagnosis, as_json)
        print(f"shapedoctor: error: --fix {number}: there are {len(primary.fixes)} fixes (1..{len(primary.fixes)})",
              file=sys.stderr)
        return 2
    # Refuse early when the file already changed since it was analysed (nothing to prove then).
    if mode == "write":
        for path, text in sources.items():
            if text is not None and read_source(path) != text:
                render(diagnosis, as_json)
                print(f"shapedoctor: refusing to write: {os.path.relpath(path)} changed on disk since it was "
                      "analysed; run shapedoctor again", file=sys.stderr)
                return 1
    # Without --fix, try the verified fixes in their ranked order until one is proven. A fix that
    # broke an invariant ("not verified: ...") is shown, never written: a proof only says the
    # script runs, not that the fix kept the data (e.g. `x[:len(y)]` dropping half the samples).
    writable = [n for n, f in enumerate(primary.fixes, 1) if f.verified or f.needs_proof]
    if explicit and number not in writable and mode == "write":
        render(diagnosis, as_json)
        print(f"shapedoctor: fix {number} is not verified ({primary.fixes[number - 1].title}); it can be shown with "
              "--diff but is never written", file=sys.stderr)
        return 1
    order = [number] if explicit else writable
    if not order:
        render(diagnosis, as_json)
        print("shapedoctor: no fix could be verified, so there is nothing to "
              + ("write" if mode == "write" else "prove"), file=sys.stderr)
        return 1
    fix = patch = proof = None
    for number in order:
        fix = primary.fixes[number - 1]
        patch = make_patch(fix.edits, sources)
        if patch is None:
            fix.proof = fix.proof or "cannot be written automatically; apply it by hand"
            if not as_json:
                print(f"fix {number}: {fix.proof}", file=sys.stderr)
            continue
        if fix.proven and not weight_free:  # `run` proved this very patch while diagnosing
            from shapedoctor.patch.prove import Proof

            proof = Proof(True, "passed when diagnosed", 0.0)
            break
        if not as_json:
            how = "checking the patched script" if weight_free else "running the patched script with --quick"
            print(f"proving fix {number} ({fix.title}) by {how} ...", file=sys.stderr)
        try:
            proof = prove(patch, argv, timeout, weight_free=weight_free)
        except KeyboardInterrupt:  # the proof is already killed; say so instead of a traceback
            from shapedoctor.patch import interrupts

            interrupts.clear()
            print("\nshapedoctor: interrupted while proving; nothing was written", file=sys.stderr)
            return 130
        fix.proven, fix.proof = proof.proven, proof.reason
        print(f"proof took {proof.seconds:.2f} s", file=sys.stderr)
        if proof.proven:
            break
        if not as_json:
            print(f"fix {number} not proven: {proof.reason}", file=sys.stderr)
    if patch is None or proof is None:
        render(diagnosis, as_json)
        print("shapedoctor: no fix can be written into the source automatically", file=sys.stderr)
        return 1
    render(diagnosis, as_json)
    if not as_json:
        label = "proven" if proof.proven else "NOT proven"
        took = f", {proof.seconds:.1f} s" if proof.seconds else ""
        print(f"\n# fix {number}: {fix.title} — {label} ({proof.reason}{took})")
        print(patch.diff, end="")
    if mode == "diff":
        return 0 if proof.proven else 1
    if not proof.proven:
        print("shapedoctor: the fix was not proven; nothing was written", file=sys.stderr)
        return 1
    from shapedoctor.trace.notebook import program_for, write_cells

    program = program_for(patch.file)
    try:
        if program is not None:  # a notebook: write the changed cells back with nbformat
            analysed = sources.get(os.path.realpath(program.path))
            written = write_cells(program, patch.after, digest(analysed or read_source(program.path) or ""),
                                  backup_suffix)
            patch.file = program.path
        else:
            written = write_patch(patch, digest(patch.before), backup_suffix)
    except WriteRefused as exc:
        print(f"shapedoctor: refusing to write: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"shapedoctor: could not write {patch.file} ({exc.strerror}); nothing was changed", file=sys.stderr)
        return 2
    print(f"wrote {patch.file} (backup: {os.path.relpath(written.backup)})", file=sys.stderr)
    if written.newer is not None:
        print(f"shapedoctor: warning: another program wrote to {patch.file} while it was being replaced; the fix "
              f"was applied to the analysed text, and the file's newest content is kept in "
              f"{os.path.relpath(written.newer)}", file=sys.stderr)
        return 1
    return 0


RUN_PROOFS = 3  # `run` proves at most this many graph-verified fixes: each costs a run of the script


def prove_in_run(diagnosis: Diagnosis, argv: list[str], sources: dict[str, str | None], timeout: float,
                 progress: bool = False) -> None:
    """What only the patched script can show, `run` checks by running it (``--quick``).

    * A fix that could not be checked on a clone of the model (a custom layer whose ``get_config``
      is incomplete) is verified only by its proof.
    * A fix verified on the recorded graph (``replay_only``) was checked as far as the program got
      before it failed; the layers, ``compile`` and ``fit`` after that point never ran. The first
      such fix that can be written is proven; when the patched script still has a shape problem
      (the model fails further on, or its output no longer fits the labels), the fix is not
      verified and the next one is tried (at most ``RUN_PROOFS``); so is a fix whose patched
      script fails on a line the patch wrote (its own code fails). A patched script that fails
      elsewhere for another reason (a missing file, the script's own assertion) leaves the fix
      verified, with that failure as its proof note.
    """
    if os.environ.get(PROOF_ENV):
        return
    if any(fx.needs_proof for fx in diagnosis.fixes):
        _prove_unclonable(diagnosis, argv, sources, timeout)
        return
    finding = next((f for f in diagnosis.findings if f.severity == "error" and f.fixes), None)
    if finding is None:
        return
    from shapedoctor.patch.apply import make_patch
    from shapedoctor.patch.prove import prove
    from shapedoctor.repair.ranking import annotate

    tried, disproved, proven = 0, [], None
    for fix in list(finding.fixes):
        if not (fix.verified and fix.replay_only) or tried == RUN_PROOFS:
            continue
        patch = make_patch(fix.edits, sources)
        if patch is None:
            continue
        tried += 1
        if progress:
            print(f"shapedoctor: proving fix {finding.fixes.index(fix) + 1} ({fix.title}) by running the patched "
                  "script with --quick ...", file=sys.stderr)
        proof = data_kept(fix, prove(patch, argv, timeout), diagnosis)
        if progress:
            print(f"proof took {proof.seconds:.2f} s" + ("" if proof.proven else f": {proof.reason}"), file=sys.stderr)
        fix.proven, fix.proof = proof.proven, proof.reason
        if proof.proven:
            fix.checks["proof"] = True
            proven = fix
            break
        if proof.shape_problem or proof.breaks_patch:
            from shapedoctor.patch.repeated_edit import repeated

            again = repeated(fix, proof, sources)  # the same mistake on the next line that writes it alike
            again_patch = make_patch(again.edits, sources) if again is not None else None
            if again_patch is not None:
                again_proof = prove(again_patch, argv, timeout)
                if again_proof.proven:
                    again.proven, again.proof, again.checks["proof"] = True, again_proof.reason, True
                    finding.fixes[finding.fixes.index(fix)] = again
                    proven = again
                    break
            fix.checks["proof"] = False
            fix.verified = False
            fix.title += f" (not verified: proof: {proof.reason})"
            disproved.append(fix)
    finding.fixes.sort(key=lambda f: not f.verified)  # stable: the ranked order among the verified ones
    if proven is not None:
        # A fix proven on the whole script goes before verified ones no edit can write (a layer built in
        # a loop: the user would have to apply them by hand, and they were checked only on the graph).
        # So does it before a fix whose patched script failed for another reason: the same script ran to the end
        # with the proven fix, so that failure came from the other fix (a numpy concatenate of its 56 x 56 images
        # with the real 28 x 28 ones), not from the script's surroundings.
        unwritten = [f for f in finding.fixes[:finding.fixes.index(proven)]
                     if make_patch(f.edits, sources) is None or (f.proof is not None and not f.proven)]
        for f in unwritten:
            finding.fixes.remove(f)
        finding.fixes[finding.fixes.index(proven) + 1:finding.fixes.index(proven) + 1] = unwritten
    from shapedoctor.diagnosis.proof_evidence import follow_proof

    follow_proof(finding, disproved, proven)
    if proven is not None:
        from shapedoctor.diagnosis.size_choice import follow_size_choice

        follow_size_choice(finding, proven)  # written where the value is chosen: that line is the root cause
    annotate(finding)


def _prove_unclonable(diagnosis: Diagnosis, argv: list[str], sources: dict[str, str | None], timeout: float) -> None:
    """Fixes that could not be checked on a clone of the model (a custom layer whose ``get_config``
    is incomplete) are checked by running the patched script instead; a proven one is verified.
    Each proof costs a run of the script: the first fix needing one is proven, and when its patched
    script still has a shape problem (or fails on a line the patch wrote), the next fix of the same
    finding is tried, at most ``RUN_PROOFS`` in all."""
    from shapedoctor.patch.apply import SCRIPT_PROOF_NOTE, make_patch
    from shapedoctor.patch.prove import prove

    if os.environ.get(PROOF_ENV):
        return
    for finding in diagnosis.findings:
        tried = 0
        for fix in list(finding.fixes):
            if not fix.needs_proof or tried == RUN_PROOFS:
                continue
            patch = make_patch(fix.edits, sources)
            if patch is None:
                fix.checks["proof"] = False
                continue
            tried += 1
            proof = data_kept(fix, prove(patch, argv, timeout), diagnosis)
            fix.proven, fix.proof = proof.proven, proof.reason
            fix.checks["proof"] = proof.proven
            fix.verified = proof.proven
            fix.note = (fix.note or "").replace(SCRIPT_PROOF_NOTE, "checked by running the patched script: "
                                                + proof.reason)
            if not proof.proven and (proof.shape_problem or proof.breaks_patch):
                continue  # disproved: the next candidate of this finding may be the one that fits
            from shapedoctor.repair.ranking import annotate

            finding.fixes.sort(key=lambda f: not f.verified)  # stable: a disproved fix goes after the verified
            from shapedoctor.diagnosis.size_choice import follow_size_choice

            follow_size_choice(finding, fix)
            annotate(finding)  # the "why fix 1 first" line read the fix as unverified before its proof
            return  # the proofs of one finding: each costs another run of the script
        if tried:
            from shapedoctor.repair.ranking import annotate

            finding.fixes.sort(key=lambda f: not f.verified)  # every proof failed: a fix verified on a clone first
            annotate(finding)
            return


_SIZE_CONSTANTS = re.compile(r"\s*\w+(\s*,\s*\w+)*\s*=\s*-?\d+(\s*,\s*-?\d+)*\s*(#.*)?")


def data_kept(fix, proof, diagnosis: Diagnosis):
    """*proof*, or a failed one when *fix* re-declares a model input where its size is chosen (``chooses_size``) by
    only rewriting the script's size constants (``max_len = 30``) and the patched script then trains or predicts on
    data of another per-sample shape: those constants also shape the data, so the fix changed what the program
    computes instead of making the model fit it (r1180: the summary length raised to the text length made every
    summary 30 tokens long). A data fix that sets a window length (``WINDOW = 32``) is meant to change the data."""
    if not proof.proven or proof.training_calls is None or not fix.code or not fix.chooses_size \
            or not all(_SIZE_CONSTANTS.fullmatch(line) for line in fix.code.splitlines()):
        return proof
    before = [c for c in diagnosis.training_calls if c.get("line") is not None]
    after = {(c.get("method"), c.get("line")): c for c in proof.training_calls}
    for call in before:
        twin = after.get((call.get("method"), call.get("line")))
        if twin is None:
            continue
        for key in ("x", "y"):
            old, new = _per_sample(call.get(key)), _per_sample(twin.get(key))
            if old is not None and new is not None and old != new:
                from shapedoctor.patch.prove import Proof

                return Proof(False, f"the patched script {call.get('method')}s on other data at line {call.get('line')}"
                                    f" ({key} {twin.get(key)} instead of {call.get(key)}): the constants it changes "
                                    "also shape the data", proof.seconds, shape_problem=True)
    return proof


def _per_sample(shapes):
    """The shapes of a training call's x or y as the report writes them, without the number of samples."""
    if shapes is None:
        return None
    items = shapes if isinstance(shapes, list) else list(shapes.values()) if isinstance(shapes, dict) else [shapes]
    return [str(s).split(",", 1)[1] if isinstance(s, str) and "," in s else s for s in items]
