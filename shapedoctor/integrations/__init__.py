"""shapedoctor where users already are: IPython/Jupyter, ``watch()`` in a program, pytest.

* :mod:`shapedoctor.integrations.ipython` — ``%load_ext shapedoctor``: every Keras shape
  error in a cell is followed by its diagnosis (HTML in Jupyter, rich text in a terminal);
  ``%shapedoctor off | on`` pauses and resumes.
* :mod:`shapedoctor.integrations.watch` — ``with shapedoctor.watch(): ...`` (or
  ``@shapedoctor.watch``): a shape error leaving the block is re-raised unchanged, with the
  diagnosis attached as an exception note.
* :mod:`shapedoctor.integrations.pytest_plugin` — ``pytest -p shapedoctor``: a test failing
  with a Keras shape error gets a "shapedoctor" section in its failure report.

All three share one recorder (:mod:`shapedoctor.integrations._core`) and the engine used
by ``shapedoctor run``; none of them imports Keras before the user's code does.
"""
