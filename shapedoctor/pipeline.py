"""The one diagnosis pipeline: a recording (and the error that escaped, if any) -> findings -> Diagnosis.

Every front end calls it: ``shapedoctor run`` and ``shapedoctor check`` (after running the
script under the recorder), the Jupyter extension, ``shapedoctor.watch()`` and the pytest plugin
(after a cell, a block or a test raised), and ``shapedoctor.diagnose()``.

* :func:`preflight` is the recorder's ``on_training_call`` hook: the training-time checks of a
  ``fit``/``evaluate``/``predict`` call, run before Keras sees the call;
* :func:`findings` turns a finished recording into findings: the error that escaped (a
  training-time problem predicted by :func:`preflight`, or a layer's refusal traced back to its
  root cause) and the silent problems seen along the way, once each;
* :func:`diagnose` wraps them in a :class:`~shapedoctor.report.model.Diagnosis` with the shapes
  seen at each training call and, for a clean run, the shape path of each model;
* :func:`call_summary`, :func:`ok_path`, :func:`to_cells`: the pieces of the report.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.report.model import Diagnosis, Finding, PathStep


def preflight(call: Any) -> None:
    """Check a recorded training/inference call before Keras runs it (fills ``call.findings``)."""
    from shapedoctor.diagnosis.training import check

    call.findings = check(call)


def diagnose(recorder: Any, exc: BaseException | None, source: str = "run", script: str | None = None,
             cells: bool = False) -> Diagnosis:
    """The Diagnosis of a recording: findings, training-call shapes and, if nothing escaped, the
    shape path of every model that ran. With *cells*, notebook programs are reported as cells.

    May raise: a caller must keep its user's own error visible whatever happens here.
    """
    diagnosis = Diagnosis(source=source, script=script)
    diagnosis.training_calls = [call_summary(c) for c in getattr(recorder, "training_calls", [])]
    diagnosis.findings = findings(recorder, exc)
    if getattr(recorder, "training_calls", None):
        from shapedoctor.diagnosis.snapshot import attach_training_graphs

        attach_training_graphs(diagnosis, recorder)  # the picture of a training-call finding
    if exc is None:
        diagnosis.ok_paths = [ok_path(run) for run in getattr(recorder, "runs", [])]
    elif not any(f.severity == "error" for f in diagnosis.findings):
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        diagnosis.error = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        from shapedoctor.trace.sites import site_from_traceback

        site = site_from_traceback(exc.__traceback__)
        diagnosis.error_at = (site.file, site.line) if site is not None else None
    if cells:
        to_cells(diagnosis)
    return diagnosis


def _checked_after_failure(call: Any) -> list:
    """The error-severity problems of a call on arrays that Keras refused though its pre-flight found none, checked
    again now that it failed: a model of unknown sequence length is then judged by the output Keras computes for
    the data it got (diagnosis/training.py, ``_concrete_outputs``). Not for a dataset: the rules that read its
    failure (a map function's labels line, r442) know where its batches were made."""
    from shapedoctor.diagnosis.training import check

    try:
        return [p for p in check(call) if _severity(p.family) == "error"]
    except Exception:  # noqa: BLE001 - evidence only: the error's own reading still answers
        return []


def findings(recorder: Any, exc: BaseException | None) -> list[Finding]:
    """Findings for a finished recording: the error that escaped (if any) and the silent problems."""
    from shapedoctor.diagnosis.silent import merge_broadcast_findings
    from shapedoctor.diagnosis.training_fixes import findings_for

    found: list[Finding] = []
    training_error = None
    if exc is not None:
        call = _call_that_raised(recorder, exc)
        if call is None and recorder.training_calls and recorder.training_calls[-1].error is not None:
            call = recorder.training_calls[-1]
        errors = [p for p in (call.findings if call else []) if _severity(p.family) == "error"]
        if call is not None and not errors and call.unbuilt and getattr(call.model, "built", False):
            errors = _checked_after_build(call)
        if call is not None and not errors and call.error is not None and not call.batched:
            errors = _checked_after_failure(call)  # arrays: a dataset's failure has its own readers (its map function)
        if call is not None and errors:
            training_error = findings_for(call, errors[:1], recorder)
    if training_error:
        found += training_error
    elif exc is not None:
        from shapedoctor.diagnosis.engine import diagnose_exception
        from shapedoctor.diagnosis.unknown_element_shape import unknown_element_shape

        lost = unknown_element_shape(exc, recorder)  # a dataset mapped through tf.numpy_function: no shapes
        finding = None if lost is not None else diagnose_exception(recorder, exc)
        twin = None if finding is not None or lost is not None else _twin_finding(call, recorder)
        if lost is not None:
            found.append(lost)
        elif finding is not None:
            from shapedoctor.diagnosis.initializer_shape import initializer_width

            finding = initializer_width(exc, finding, recorder)  # Embedding(n, 256) on a (n, 100) Constant matrix
            from shapedoctor.diagnosis.attention_context import sequence_for_attention

            finding = sequence_for_attention(finding, recorder)  # an RNN's last state as an attention's value
            from shapedoctor.diagnosis.constructor_argument import size_from_constructor

            finding = size_from_constructor(finding, recorder)  # Dense(n_neurons) in a block made with 64
            from shapedoctor.diagnosis.per_sample_vector import per_sample_vector
            from shapedoctor.diagnosis.unbatched_dataset import rebatched_dataset, unbatched_dataset

            # fit(ds) of single samples, to a model that declared no input; images * alpha of shape [n]
            finding = unbatched_dataset(exc, _as_data_problem(finding, recorder, exc), recorder)
            finding = rebatched_dataset(exc, finding, recorder)  # ds.batch(16) of a dataset already batched
            from shapedoctor.diagnosis.function_made_data import function_made_data

            # np.stack([a, b]) on axis 0 for a 2-feature model; `return img` of one image without its batch axis
            from shapedoctor.diagnosis.unused_layer import unused_layer

            finding = function_made_data(exc, per_sample_vector(exc, finding, recorder), recorder)
            finding = unused_layer(exc, finding, recorder)  # hidden = inputs, self.input_layer never called
            from shapedoctor.diagnosis.image_format_setting import channels_first_setting

            finding = channels_first_setting(exc, finding, recorder)  # set_image_data_format("channels_first")
            from shapedoctor.diagnosis.swapped_constructor_names import swapped_constructor_names

            from shapedoctor.diagnosis.gram_product import gram_product

            finding = gram_product(exc, finding, recorder)  # ops.matmul(weights, x) of (b, n, 1) by (b, n, d) in call()
            from shapedoctor.diagnosis.sublayer_size_argument import sublayer_size_argument

            finding = sublayer_size_argument(exc, finding, recorder)  # PositionalEmbedding(seq_len, dense_dim)
            from shapedoctor.diagnosis.split_axis import split_axis

            finding = split_axis(exc, finding, recorder)  # u, v = ops.split(x, 2, axis=1) in a gating unit
            found.append(swapped_constructor_names(exc, finding, recorder))  # MyLayer(embed_size, max_length)
        elif twin is not None:
            found.append(twin)
        elif (custom := _custom_loss_finding(call, exc, recorder)) is not None:
            found.append(custom)  # the user's own loss raised on labels and an output of different shapes
        else:
            from shapedoctor.diagnosis.unrecorded import finding_from_exception_text

            from shapedoctor.diagnosis.set_weights_shape import assign_finding, set_weights_finding

            # layer.set_weights([matrix]) or layer.embeddings.assign(matrix) of another shape; else any error
            # raised outside a recorded layer call
            from shapedoctor.diagnosis.batched_embedding_ids import batched_embedding_ids
            from shapedoctor.diagnosis.image_format_setting import channels_first_build_finding

            # ... or an id beyond an Embedding's rows in a dataset's batch (the head names the vocabulary)
            finding = set_weights_finding(exc, recorder) or assign_finding(exc, recorder) \
                or batched_embedding_ids(exc, recorder) or channels_first_build_finding(exc, recorder) \
                or finding_from_exception_text(exc, recorder)
            from shapedoctor.diagnosis.static_batch_read import static_batch_read

            finding = static_batch_read(exc, finding, recorder)  # ops.zeros((inputs.shape[0], n)) in a functional model
            from shapedoctor.diagnosis.joined_rank import joined_rank

            finding = joined_rank(exc, finding, recorder)  # tf.concat([images, batch_without_channel_axis])
            from shapedoctor.diagnosis.gram_product import gram_product

            finding = gram_product(exc, finding, recorder)  # tf.matmul(a, b) of two (n, d) batches: transpose_b
            from shapedoctor.diagnosis.sparse_loss_call import sparse_loss_call

            finding = sparse_loss_call(exc, finding, recorder)  # SparseCategoricalCrossentropy()(one_hot, p) in a tape
            from shapedoctor.diagnosis.full_batch_graph import full_batch_graph

            finding = full_batch_graph(exc, finding, recorder)  # fit([X, A_hat], y, batch_size=32) of a whole graph
            if finding is not None:
                from shapedoctor.diagnosis.upstream_model import upstream_op_finding

                finding = upstream_op_finding(recorder, exc, finding)  # data - G(z) in a train_step
                finding = _reaimed_from_text(exc, finding, recorder)
            from shapedoctor.diagnosis.factory_arguments import swapped_factory_arguments

            finding = swapped_factory_arguments(exc, finding, recorder)  # loss_factory(b, a) beside Layer(a, b)
            if finding is not None:
                found.append(finding)
    if exc is not None and found:
        from shapedoctor.diagnosis.unused_flatten import unused_flatten

        found[0] = unused_flatten(exc, found[0], recorder)  # self.flatten made in __init__, never called in call
        from shapedoctor.diagnosis.batch_axis_join import batch_axis_join

        found[0] = batch_axis_join(exc, found[0], recorder)  # layers.concatenate(parts, axis=0)
        from shapedoctor.diagnosis.pooled_positions import pooled_positions

        found[0] = pooled_positions(exc, found[0], recorder)  # x = self.pool(x) before a per-token head
        from shapedoctor.diagnosis.permuted_unpacking import permuted_unpacking

        found[0] = permuted_unpacking(exc, found[0], recorder)  # embeddings, scores, spec = yamnet(wav)
        from shapedoctor.diagnosis.decoded_channels import decoded_channels

        found[0] = decoded_channels(exc, found[0], recorder)  # tf.io.decode_png(data) of an RGBA upload
        from shapedoctor.diagnosis.predict_argument import predict_argument

        found[0] = predict_argument(exc, found[0], recorder)  # predict(X_new) of a model fit on (X[:, :5], X[:, 2:])
        from shapedoctor.diagnosis.factory_flags import factory_flags

        found[0] = factory_flags(exc, found[0], recorder)  # build_model(regression=False) for real-valued targets
        from shapedoctor.diagnosis.sibling_padding import sibling_padding

        found[0] = sibling_padding(exc, found[0], recorder)  # the second valid conv of a block without its padding
        from shapedoctor.diagnosis.embedded_data import embedded_data

        found[0] = embedded_data(exc, found[0], recorder)  # fit(w2v[ids]) of a model that embeds the ids itself
        from shapedoctor.diagnosis.position_table import position_table

        found[0] = position_table(exc, found[0], recorder)  # maxlen + 2 tokens against a 64-position table
        from shapedoctor.diagnosis.floor_ratio import floor_ratio

        found[0] = floor_ratio(exc, found[0], recorder)  # stride = a.shape[1] // b.shape[1] of a rounded-up size
        from shapedoctor.diagnosis.stateful_batch import stateful_batch

        found[0] = stateful_batch(exc, found[0], recorder)  # predict(x) of a stateful model built for batches of 10
        from shapedoctor.diagnosis.unresized_images import unresized_images

        found[0] = unresized_images(exc, found[0], recorder)  # photos of their own sizes mapped, then batched
        from shapedoctor.diagnosis.build_shape_noise import build_shape_noise

        found[0] = build_shape_noise(exc, found[0], recorder)  # normal(shape=self.shape) saved in build: (None, 8)
        from shapedoctor.diagnosis.adapt_feature_axis import adapt_feature_axis

        found[0] = adapt_feature_axis(exc, found[0], recorder)  # normalizer.adapt(column_ds) of (batch,) values
        from shapedoctor.diagnosis.own_weight_width import own_weight_width

        found[0] = own_weight_width(exc, found[0], recorder)  # add_weight(shape=(width, width)) for 2 * width values
        from shapedoctor.diagnosis.init_weight_width import init_weight_width

        found[0] = init_weight_width(exc, found[0], recorder)  # Linear(32) whose __init__ kernel is (input_dim=32, 32)
        from shapedoctor.diagnosis.hand_built_layer import hand_built_layer

        found[0] = hand_built_layer(exc, found[0], recorder)  # layer.build(input_shape=(8,)) of a layer fed 12 values
        from shapedoctor.diagnosis.undeclared_input_size import undeclared_input_size

        found[0] = undeclared_input_size(exc, found[0], recorder)  # VGG16(include_top=False) then Flatten, fit(images)
        from shapedoctor.diagnosis.inner_branch_width import inner_branch_width

        found[0] = inner_branch_width(exc, found[0], recorder)  # return self.act(h) + x, h made by self.dense per slice
        from shapedoctor.diagnosis.batched_resize import batched_resize

        found[0] = batched_resize(exc, found[0], recorder)  # .batch(16).map(fn), fn: tf.image.resize of (16, 28, 28)
        from shapedoctor.diagnosis.position_range import position_range

        found[0] = position_range(exc, found[0], recorder)  # watched + pos_emb(ops.arange(0, SEQ_LEN)), SEQ_LEN - 1 steps
        from shapedoctor.diagnosis.transposed_padding import transposed_padding

        found[0] = transposed_padding(exc, found[0], recorder)  # Conv2DTranspose(20, 5, strides=2): 37x37 for 28x28
        from shapedoctor.diagnosis.split_step import split_step

        found[0] = split_step(exc, found[0], recorder)  # testy = to_categorical(testy) without trainy's `- 1`
        from shapedoctor.diagnosis.shared_width_layer import shared_width_layer

        found[0] = shared_width_layer(exc, found[0], recorder)  # one Cls(window, 4) object called on a 2-wide input too
        from shapedoctor.diagnosis.list_input_batch import list_input_batch

        found[0] = list_input_batch(exc, found[0], recorder)  # return (input_shape[0], n) of a layer given a list
        from shapedoctor.diagnosis.unsliced_table import unsliced_table

        found[0] = unsliced_table(exc, found[0], recorder)  # X + self.P of a (1, max_len, d) table in call()
        from shapedoctor.diagnosis.flat_adapt import flat_adapt

        found[0] = flat_adapt(exc, found[0], recorder)  # Normalization().adapt(column) of a (250,) array, Input((1,))
        from shapedoctor.diagnosis.one_hot_depth_sum import one_hot_depth_sum

        found[0] = one_hot_depth_sum(exc, found[0], recorder)  # tf.reduce_sum(tf.one_hot(ids, n), axis=-1) in call()
        from shapedoctor.diagnosis.reduced_without_keepdims import reduced_without_keepdims

        found[0] = reduced_without_keepdims(exc, found[0], recorder)  # (x - ops.moments(x, axes=[1, 2])[0])
        from shapedoctor.diagnosis.untiled_weight import untiled_weight

        found[0] = untiled_weight(exc, found[0], recorder)  # blk([x, self.cls_token]) of a (1, 1, d) weight
        from shapedoctor.diagnosis.conditioning_size import conditioning_size

        found[0] = conditioning_size(exc, found[0], recorder)  # SPADE(features, mask) convolving the mask at 32x32
        from shapedoctor.diagnosis.permuted_declaration import permuted_declaration

        found[0] = permuted_declaration(exc, found[0], recorder)  # Input((N, N, B)) beside adjacency_shape = (B, N, N)
        from shapedoctor.diagnosis.declared_output_shape import declared_output_shape

        found[0] = declared_output_shape(exc, found[0], recorder)  # compute_output_shape unlike what call returns
        from shapedoctor.diagnosis.lambda_output_shape import lambda_output_shape

        found[0] = lambda_output_shape(exc, found[0], recorder)  # Lambda(fn, output_shape=...) unlike what fn returns
        from shapedoctor.diagnosis.metric_refusal import metric_refusal

        found[0] = metric_refusal(exc, found[0], recorder)  # Precision() on a two-way softmax of 0/1 labels
        from shapedoctor.diagnosis.attention_inputs import attention_inputs

        found[0] = attention_inputs(exc, found[0], recorder)  # MultiHeadAttention(attention_mask=(batch, steps))
        from shapedoctor.diagnosis.rnn_mask_rank import rnn_mask_rank

        found[0] = rnn_mask_rank(exc, found[0], recorder)  # self.lstm(x, mask=emb.compute_mask(vectors))
        from shapedoctor.diagnosis.state_list import state_list

        found[0] = state_list(exc, found[0], recorder)  # Attention()(LSTM(64, return_state=True)(x)): a list
        from shapedoctor.diagnosis.partial_padding import partial_padding

        found[0] = partial_padding(exc, found[0], recorder)  # ConvBlock = partial(Conv2D, kernel_size=3) without padding
        from shapedoctor.diagnosis.loop_list_units import loop_list_units

        found[0] = loop_list_units(exc, found[0], recorder)  # mlp(x, hidden_units=[dim, dim * 2]) before a residual Add
        from shapedoctor.diagnosis.rounded_pooling import rounded_pooling

        found[0] = rounded_pooling(exc, found[0], recorder)  # MaxPooling1D(10) then UpSampling1D(10) of 128 steps
        from shapedoctor.diagnosis.stacked_sizes import stacked_sizes

        found[0] = stacked_sizes(exc, found[0], recorder)  # Concatenate(axis=1) of per-field Embedding(v, auto_dim(v))
        from shapedoctor.diagnosis.submodel_input import submodel_input

        found[0] = submodel_input(exc, found[0], recorder)  # critic Input(shape=(WINDOW, N)) called on (None, N)
        from shapedoctor.diagnosis.graph_size_input import graph_size_input

        found[0] = graph_size_input(exc, found[0], recorder)  # Input(shape=(n_nodes,)) of a GCN's adjacency matrix
        from shapedoctor.diagnosis.fixed_batch_labels import fixed_batch_labels

        found[0] = fixed_batch_labels(exc, found[0], recorder)  # tf.zeros((batch_size, 1)) for a smaller last batch
        from shapedoctor.diagnosis.sample_dict_batch import sample_dict_batch

        found[0] = sample_dict_batch(exc, found[0], recorder)  # {k: tf.convert_to_tensor(v) ...} of one sample
        from shapedoctor.diagnosis.reordered_reshape import reordered_reshape

        found[0] = reordered_reshape(exc, found[0], recorder)  # recording.reshape(TIMESTEPS, 1, N_CHANNELS)
        from shapedoctor.diagnosis.helper_setting_twin import helper_setting_twin

        found[0] = helper_setting_twin(exc, found[0], recorder)  # make_specs(audio, ms=2500) beside ms=MS_PER_OBS
        from shapedoctor.diagnosis.helper_input_argument import helper_input_argument

        found[0] = helper_input_argument(exc, found[0], recorder)  # build_model((SAMPLING_RATE // 2, 1), ...)
        from shapedoctor.diagnosis.window_without_batch import window_without_batch

        found[0] = window_without_batch(exc, found[0], recorder)  # predict(series[:56, np.newaxis]).reshape(1, 1, 1)
        from shapedoctor.diagnosis.short_window_slice import short_window_slice

        found[0] = short_window_slice(exc, found[0], recorder)  # test_data[86:].reshape(1, -1) for 20-step windows
        from shapedoctor.diagnosis.dropped_time_axis import dropped_time_axis

        found[0] = dropped_time_axis(exc, found[0], recorder)  # CTC layer's transpose of an LSTM's last state
        from shapedoctor.diagnosis.call_without_batch import call_without_batch

        found[0] = call_without_batch(exc, found[0], recorder)  # model(seed_ids) of one (6,) sample, no batch axis
        from shapedoctor.diagnosis.state_input_width import state_input_width

        found[0] = state_input_width(exc, found[0], recorder)  # Input(shape=(n_units,)) as the state of LSTM(n_units * 2)
        from shapedoctor.diagnosis.indexed_channel import indexed_channel

        found[0] = indexed_channel(found[0], recorder)  # targets lab[:, :, :, 1] for a two-channel output
        from shapedoctor.diagnosis.filled_label_count import filled_label_count

        found[0] = filled_label_count(found[0], recorder)  # y = np.ones([batch_size, 1]) for real + fake images
        from shapedoctor.diagnosis.model_made_data import model_made_data

        found[0] = model_made_data(found[0])  # decoder_model.predict([..., e_out]) of an encoder's real output
        from shapedoctor.diagnosis.static_batch_read import static_batch_read

        found[0] = static_batch_read(exc, found[0], recorder)  # tf.random.normal((x.shape[0], 4)) while building
        from shapedoctor.diagnosis.tile_rank import tile_rank

        found[0] = tile_rank(exc, found[0], recorder)  # tf.tile(enc_state, (1, steps, 1)) of a (batch, h) state
        from shapedoctor.diagnosis.joined_not_stacked import joined_not_stacked

        found[0] = joined_not_stacked(exc, found[0], recorder)  # ops.concatenate(step_states, axis=1) for a sequence
        from shapedoctor.diagnosis.projection_flag import projection_flag

        found[0] = projection_flag(exc, found[0], recorder)  # Residual(c, strides=2) without use_1x1conv=True
        from shapedoctor.diagnosis.mask_axis import mask_axis

        found[0] = mask_axis(exc, found[0], recorder)  # Softmax(axis=1)(scores, mask=pad_mask) of (b, T, 1) scores
        from shapedoctor.diagnosis.step_without_time_axis import step_without_time_axis

        found[0] = step_without_time_axis(exc, found[0], recorder)  # decoder(tgt[:, 0], state): one step, no time axis
        from shapedoctor.diagnosis.batch_size_like_fit import batch_size_like_fit

        found[0] = batch_size_like_fit(exc, found[0], recorder)  # predict([X, A]) of a fit(..., batch_size=N_NODES)
        from shapedoctor.diagnosis.onehot_sparse_loss import onehot_sparse_loss

        found[0] = onehot_sparse_loss(exc, found[0], recorder)  # SparseCategoricalCrossentropy of one-hot rows
        from shapedoctor.diagnosis.endpoint_width import endpoint_width

        found[0] = endpoint_width(exc, found[0], recorder)  # Dense(1) logits for a (None, 10) targets Input
        from shapedoctor.diagnosis.batch_in_declaration import batch_in_declaration

        found[0] = batch_in_declaration(exc, found[0], recorder)  # Input(shape=batch.shape) of ds.take(1)'s batch
        from shapedoctor.diagnosis.copied_input_width import copied_input_width

        found[0] = copied_input_width(exc, found[0], recorder)  # action_in = Input(shape=(num_states,)) copied
        from shapedoctor.diagnosis.empty_block import empty_block

        found[0] = empty_block(exc, found[0], recorder)  # np.hstack([images, vectors @ a (12, 0) table])
        from shapedoctor.diagnosis.input_unlike_data import input_unlike_data

        found[0] = input_unlike_data(exc, found[0], recorder)  # Input(shape=x.shape[1:]) unlike fit(grid) below
        from shapedoctor.diagnosis.policy_targets import policy_targets

        found[0] = policy_targets(exc, found[0], recorder)  # train_on_batch(states, returns) of a softmax policy
        from shapedoctor.diagnosis.sample_axis_join import sample_axis_join

        found[0] = sample_axis_join(exc, found[0], recorder)  # np.concatenate([fake, real], axis=-1) for 2n labels
        from shapedoctor.diagnosis.adapted_elsewhere import adapted_elsewhere

        found[0] = adapted_elsewhere(exc, found[0], recorder)  # norm_wide.adapt(X_deep), norm_deep.adapt(X_wide)
        from shapedoctor.diagnosis.grouped_rows import grouped_rows

        found[0] = grouped_rows(exc, found[0], recorder)  # readings.reshape(n, 1, f) with one label per k rows
        from shapedoctor.diagnosis.nested_output_shape import nested_output_shape

        found[0] = nested_output_shape(exc, found[0], recorder)  # return (input_shape[0], self.frame_shape)
        from shapedoctor.diagnosis.length_not_reproduced import length_not_reproduced

        found[0] = length_not_reproduced(exc, found[0], recorder)  # TIME_STEPS = 150 through two strides of 2
        from shapedoctor.diagnosis.output_list_input import output_list_input

        found[0] = output_list_input(exc, found[0], recorder)  # decoder(encoder(inputs)) of [z_mean, z_log_var, z]
    if exc is not None and not found:
        from shapedoctor.diagnosis.metric_refusal import metric_refusal

        from shapedoctor.diagnosis.attention_inputs import attention_inputs

        # F1Score() on per-pixel masks, MultiHeadAttention on Input(shape=(60,)): errors no other rule reads
        from shapedoctor.diagnosis.numpy_function_shape import numpy_function_shape

        if (unread := metric_refusal(exc, None, recorder) or attention_inputs(exc, None, recorder)
                or numpy_function_shape(exc, recorder)) is not None:
            found.append(unread)
    # Silent problems seen along the way (warnings), once each.
    seen = {(f.id, f.message) for f in found}

    def add(finding: Finding) -> None:
        if (finding.id, finding.message) not in seen:
            seen.add((finding.id, finding.message))
            found.append(finding)

    for call in recorder.training_calls:
        # A subclassed model that ran: its twin shows what the pre-flight could not see before it ran
        # (a model with symbolic outputs has no twin: the pre-flight saw it).
        twin = _checked_twin(call, recorder) if call.error is None and not call.findings else None
        checked = twin if twin is not None else call
        warn = [p for p in checked.findings if _severity(p.family) == "warning"]
        if call.checked_only:
            warn = list(checked.findings)  # checked, never run (shapedoctor.diagnose): a predicted failure is an error
        elif call.error is None:
            # Predicted to fail but Keras ran it: the shapes broadcast silently.
            warn += [_as_silent(p) for p in checked.findings if _severity(p.family) == "error"]
        if twin is not None:
            for finding in _twin_findings(twin, warn, recorder) if warn else []:
                add(finding)
            continue
        for finding in findings_for(call, warn, recorder) if warn else []:
            add(finding)
    for finding in merge_broadcast_findings(recorder):
        add(finding)
    from shapedoctor.diagnosis.discarded_output import discarded_output_findings

    for finding in discarded_output_findings(recorder):  # s = GAP()(s); s = Dense(c)(x): the pooled s thrown away
        add(finding)
    from shapedoctor.diagnosis.time_concat import time_concat_findings

    for finding in time_concat_findings(recorder):  # branches of one sequence joined along its steps
        add(finding)
    from shapedoctor.diagnosis.mixed_reshape import mixed_reshape_findings

    for finding in mixed_reshape_findings(recorder):  # Reshape((h * w, c)) of channels-first (c, h, w) maps
        add(finding)
    from shapedoctor.diagnosis.global_statistics import global_statistics_findings

    for finding in global_statistics_findings(recorder):  # Normalization(mean=np.mean(x)) over 11 features
        add(finding)
    from shapedoctor.diagnosis.added_loss_vector import added_loss_findings

    for finding in added_loss_findings(recorder):  # self.add_loss(kl_loss) of one value per sample
        add(finding)
    from shapedoctor.diagnosis.batch_axis_softmax import batch_softmax_findings

    for finding in batch_softmax_findings(recorder):  # ops.softmax(logits, axis=0) across the samples
        add(finding)
    from shapedoctor.diagnosis.metric_encoding import metric_encoding_findings

    for finding in metric_encoding_findings(recorder):  # metrics=["categorical_accuracy"] on class ids
        add(finding)
    from shapedoctor.diagnosis.batch_summed_loss import batch_summed_loss_findings

    for finding in batch_summed_loss_findings(recorder):  # return -ops.sum(focal terms): one sum per batch
        add(finding)
    from shapedoctor.diagnosis.silent_losses import cross_broadcast_findings

    for finding in cross_broadcast_findings(recorder):
        add(finding)
    from shapedoctor.diagnosis.vector_attention import vector_attention_findings

    for finding in vector_attention_findings(recorder):  # Attention()([decoder_steps, encoder_last_output])
        add(finding)
    from shapedoctor.diagnosis.unused_classes import unused_classes_findings

    for finding in unused_classes_findings(recorder):  # class_names = ["cat", "dog"] beside Dense(10, "softmax")
        add(finding)
    from shapedoctor.diagnosis.pool_keeps_map import pool_keeps_map_findings

    for finding in pool_keeps_map_findings(recorder):  # AveragePooling2D((7, 7), strides=1, padding="same") on 7x7
        add(finding)
    from shapedoctor.diagnosis.column_stretch import column_stretch_findings

    for finding in column_stretch_findings(recorder):  # tf.abs(Dense(1)(x) - five_target_columns)
        add(finding)
    from shapedoctor.diagnosis.loss_object_broadcast import loss_call_findings

    for finding in loss_call_findings(recorder):  # loss_fn(targets, predictions) called by the user's code
        add(finding)
    if exc is None:
        from shapedoctor.diagnosis.silent_predictions import predicted_broadcast_findings

        for finding in predicted_broadcast_findings(recorder):  # np.subtract(y, model.predict(x)) by hand
            add(finding)
    from shapedoctor.diagnosis.target_column import target_column

    from shapedoctor.diagnosis.window_keeps_label import window_keeps_label

    found = [window_keeps_label(f, recorder) for f in found]  # tf.concat((w[:4], w[4:]), 0), w[4] in a .map
    from shapedoctor.diagnosis.double_onehot import double_onehot

    found = [double_onehot(f, recorder) for f in found]  # tf.one_hot(label, 3) of labels already one-hot
    from shapedoctor.diagnosis.metric_encoding import crashed_metric

    found = crashed_metric(found, exc)  # metrics=["top_k_categorical_accuracy"] on class ids: in_top_k raised
    return [target_column(f, recorder) for f in found]  # targets=raw_data[delay:] for a Dense(1) forecast


def _custom_loss_finding(call: Any, exc: BaseException, recorder: Any) -> Finding | None:
    """The finding of a failed call whose own loss function raised on labels and an output of different
    shapes, its fixes verified with that loss (diagnosis/custom_loss_shapes.py); None without one."""
    from shapedoctor.diagnosis.custom_loss_shapes import custom_loss_problem
    from shapedoctor.diagnosis.training_fixes import findings_for

    try:
        prob = custom_loss_problem(call, exc)
    except Exception:  # noqa: BLE001 - evidence only: the text-only reading still answers
        return None
    found = findings_for(call, [prob], recorder) if prob is not None else []
    return found[0] if found and found[0].fixes else None


def _reaimed_from_text(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    """A finding read from an error's text, re-aimed by each rule in turn at the user's line that caused
    it; a rule without its evidence leaves the finding as it is (diagnosis/reaim.py)."""
    from shapedoctor.diagnosis import (
        categorical_loss_object,
        factory_keyword_sizes,
        fixed_batch_noise,
        label_literal,
        labels_joined_on_features,
        loss_batch_reduction,
        shifted_targets,
        sparse_onehot_source,
        swapped_loss_arguments,
        unbatched_dataset,
        unflattened_images,
        validation_labels,
    )
    from shapedoctor.diagnosis.batch_folding_reshape import batch_folding_reshape
    from shapedoctor.diagnosis.own_class_matmul import own_class_matmul
    from shapedoctor.diagnosis.predicted_reshape import predicted_reshape

    rules = (
        lambda f: label_literal.literal_label_width(exc, f),  # tf.one_hot(i, 1000) for a 10-class model
        lambda f: shifted_targets.shifted_targets(exc, f, recorder),  # y = seq beside x = seq[:, :-1] in a .map
        lambda f: shifted_targets.unshifted_inputs(exc, f),  # seq_in = s[:, i, :] beside seq_true = s[:, i, 1:]
        lambda f: predicted_reshape(exc, f, recorder),  # base.predict(x).reshape((n, 2048)) of a (n, 7, 7, 2048) map
        lambda f: sparse_onehot_source.onehot_for_sparse_loss(exc, f),  # to_categorical labels, a sparse loss
        lambda f: swapped_loss_arguments.swapped_loss_arguments(exc, f),  # loss_fn(predictions, targets)
        lambda f: fixed_batch_noise.fixed_batch_noise(exc, f, recorder),  # normal(shape=(batch_size, k)) in call()
        lambda f: factory_keyword_sizes.factory_keyword_sizes(exc, f),  # make_a(dims=64), make_b(dims=32), joined
        lambda f: validation_labels.validation_labels(exc, f, recorder),  # one-hot train_y, integer val_y
        lambda f: labels_joined_on_features.labels_joined_on_features(exc, f),  # tf.concat([1s, 0s], axis=1)
        lambda f: categorical_loss_object.categorical_loss_object(exc, f),  # self.loss_fn(ids, logits)
        lambda f: loss_batch_reduction.loss_batch_reduction(exc, f),  # ops.sum(..., axis=0) in a loss
        lambda f: unbatched_dataset.unbatched_dataset(exc, f, recorder),  # fit(ds) of single samples
        lambda f: unflattened_images.unflattened_images(exc, f, recorder),  # images into an MLP in a tape loop
        lambda f: batch_folding_reshape(exc, f, recorder),  # ops.reshape(x, (-1, 96)) in call() on a bigger map
        lambda f: own_class_matmul(exc, f, recorder),  # NaiveDense(input_size=784, ...) after a 512-unit layer
    )
    for rule in rules:
        finding = rule(finding)
    return finding


def call_summary(call: Any) -> dict:
    """The shapes seen at one training/inference call, as the reports show them."""
    from shapedoctor.diagnosis.training_base import loss_name, model_outputs
    from shapedoctor.graph.model import format_shape

    def shapes(s):
        if s is None:
            return None
        if isinstance(s, dict):
            return {k: format_shape(v) for k, v in s.items()}
        if isinstance(s, (list, tuple)) and s and isinstance(s[0], (tuple, type(None))):
            return [format_shape(v) for v in s]
        return format_shape(s)

    losses = call.loss
    return {
        "method": call.method,
        "file": call.site.file if call.site else None,
        "line": call.site.line if call.site else None,
        "x": shapes(call.x_shapes),
        "y": shapes(call.y_shapes),
        "loss": ([loss_name(v) for v in losses] if isinstance(losses, (list, tuple))
                 else {k: loss_name(v) for k, v in losses.items()} if isinstance(losses, dict) else loss_name(losses)),
        "output": [format_shape(o) for o in model_outputs(call.model) or getattr(call, "outputs_seen", [])],
        "batched": call.batched,
        "quick": call.quick,
    }


def ok_path(run: Any) -> list[PathStep]:
    """The layer calls a model call that succeeded really made, input first; each step names the
    steps it took its inputs from (``inputs``), so parallel branches are not shown as a chain."""
    from shapedoctor.graph.model import format_shape

    names = ["input"] if len(run.input_shapes) == 1 else [f"input {i}" for i in range(len(run.input_shapes))]
    steps = [PathStep(name, "data", format_shape(shape), run.site.file if run.site else None,
                      run.site.line if run.site else None) for name, shape in zip(names, run.input_shapes)]
    for step in run.steps:
        site = step.site
        steps.append(PathStep(step.name, step.cls, format_shape(step.shape), site.file if site else None,
                              site.line if site else None, inputs=", ".join(step.inputs)))
    return steps


def to_cells(diagnosis: Diagnosis) -> None:
    """Notebook programs: report program lines as (notebook, cell, line in cell)."""
    from shapedoctor.trace.notebook import display

    def move(obj):
        if obj is not None and getattr(obj, "file", None):
            obj.file, obj.line, cell = display(obj.file, obj.line)
            if cell is not None:
                obj.cell = cell

    for f in diagnosis.findings:
        move(f.consumer)
        move(f.culprit)
        for step in f.path:
            move(step)
        for fx in f.fixes:
            fx.program_file, fx.program_line = fx.file, fx.line
            move(fx)
    for path in diagnosis.ok_paths:
        for step in path:
            move(step)
    for view in [f.graph for f in diagnosis.findings] + [fx.graph for fx in diagnosis.fixes] + diagnosis.ok_graphs:
        for node in view.nodes if view is not None else ():
            move(node)
    for call in diagnosis.training_calls:
        file, line, cell = display(call.get("file"), call.get("line"))
        call["file"], call["line"] = file, line
        if cell is not None:
            call["cell"] = cell


def _checked_after_build(call: Any) -> list:
    """The error problems of *call* checked again on its model as the failed call built it: a
    Sequential without ``Input`` whose first layer takes strings (a TextVectorization) cannot be
    checked before Keras builds it, and Keras builds it before the loss refuses the labels."""
    try:
        preflight(call)
    except Exception:  # noqa: BLE001 - the text-only reading still answers
        return []
    return [p for p in call.findings if _severity(p.family) == "error"]


def _twin_finding(call: Any, recorder: Any) -> Finding | None:
    """A subclassed model's training call that failed: checked again on the model's functional twin
    (:mod:`shapedoctor.diagnosis.subclassed_twin`); None when there is no twin or it shows no error."""
    twin = _checked_twin(call, recorder)
    errors = [p for p in twin.findings if _severity(p.family) == "error"] if twin is not None else []
    found = _twin_findings(twin, errors[:1], recorder) if errors else []
    return found[0] if found else None


def _checked_twin(call: Any, recorder: Any) -> Any:
    """*call* on its model's functional twin, pre-flight checked; None when the model has no twin."""
    from shapedoctor.diagnosis.subclassed_twin import twin_call

    try:
        twin = twin_call(call, recorder)
        if twin is not None:
            preflight(twin)
        return twin
    except Exception:  # noqa: BLE001 - no twin: the call is reported as before
        return None


def _twin_findings(twin: Any, problems: list, recorder: Any) -> list[Finding]:
    """The findings of *problems* seen on a twin: fixes that would make a layer with weights inside
    call() dropped, the report saying how the subclass was checked."""
    from shapedoctor.diagnosis.subclassed_twin import NOTE, fits_a_subclass, place_at_call
    from shapedoctor.diagnosis.training_fixes import findings_for
    from shapedoctor.repair.ranking import annotate

    try:
        found = findings_for(twin, problems, recorder)
    except Exception:  # noqa: BLE001 - the text-only reading still answers
        return []
    for finding in found:
        finding.fixes = [f for f in finding.fixes if fits_a_subclass(f.code, f.file, f.line)]
        annotate(finding)
        place_at_call(finding)
        finding.explanation = (finding.explanation + " " if finding.explanation else "") + f"({NOTE}.)"
    return found


def _call_that_raised(recorder: Any, exc: BaseException) -> Any:
    return next((c for c in reversed(recorder.training_calls) if c.error is exc), None)


def _as_data_problem(finding: Finding, recorder: Any, exc: BaseException) -> Finding:
    """A layer refused the data of a fit/predict/evaluate call: that is SD201 (data vs model),
    reported at the training call, with the line that made the data as the root cause."""
    call = _call_that_raised(recorder, exc)
    if call is None or finding.culprit is None or finding.culprit.kind != "data" or call.site is None:
        return finding
    from shapedoctor.diagnosis.training_fixes import call_place, data_place
    from shapedoctor.families import get

    family = get("SD201")
    finding.id, finding.family = family.id, family.slug
    finding.culprit = data_place(call)
    finding.consumer = call_place(call)
    return finding


def _as_silent(problem: Any) -> Any:
    """A problem on a call that succeeded: it was silent. Each check says what it becomes then
    (``Problem.silent_family``: SD204 for a broadcast loss, SD206 for extra output axes); the
    others (e.g. labels beyond the output's classes, which JAX does not range-check) keep their
    family and are reported as warnings."""
    if problem.silent_family:
        problem.family = problem.silent_family
    problem.silent = True
    return problem


def _severity(family_id: str) -> str:
    from shapedoctor.families import get

    return get(family_id).severity
