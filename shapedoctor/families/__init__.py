"""The catalogue of shape-problem families, one module per family.

Importing this package registers every family; :func:`shapedoctor.families.base.get`
and :func:`~shapedoctor.families.base.all_families` read the registry. SD1xx are
construction and call time problems, SD2xx training-time ones.
"""

from shapedoctor.families import (  # noqa: F401  (registration side effects)
    sd101_rank,
    sd102_axis,
    sd103_reshape,
    sd104_merge,
    sd105_shrink,
    sd106_reuse,
    sd107_undefined,
    sd108_generic,
    sd201_data,
    sd202_labels,
    sd203_counts,
    sd204_loss_broadcast,
    sd205_merge_broadcast,
    sd206_dense_on_sequence,
    sd207_softmax_single,
    sd208_batch_softmax,
    sd209_metric_encoding,
    sd210_batch_summed_loss,
    sd211_vector_attention,
    sd212_pool_keeps_map,
    sd213_unused_classes,
)
from shapedoctor.families.base import Family, all_families, get

__all__ = ["Family", "all_families", "get"]
