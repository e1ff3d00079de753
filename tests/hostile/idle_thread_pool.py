"""An executor kept alive at module level with idle workers (as Keras's data adapters keep one),
and a user thread that is still working when the script ends: Python stops the idle workers,
waits for the user thread, then exits."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

POOL = ThreadPoolExecutor(max_workers=2)  # never shut down
print("pool says", POOL.submit(lambda: 6 * 7).result())


def late():
    time.sleep(0.5)
    print("late thread done")


threading.Thread(target=late).start()
print("main done")
