"""Work gathered within a block and done once at its end: receivers that would write at each
save or publish (index updates, vocabulary counts) only note what is to be done while a block of
theirs is open, and the block does it in one go (an import's batch of episodes)."""

from contextlib import contextmanager


@contextmanager
def gathered(variable, finish):
    """Set the ContextVar variable to a list for the block; at its end, call finish(list) once
    if anything was noted. Nothing is done if the block fails (its writes are rolled back).
    Blocks nest: an inner block's notes go to the outer one's."""
    outer, notes = variable.get(), []
    token = variable.set(notes)
    try:
        yield notes
    finally:
        variable.reset(token)
    if outer is not None:
        outer.extend(notes)
    elif notes:
        finish(notes)
