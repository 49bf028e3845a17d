"""Tasks that reproject, one after another on the serial pool (each started from the previous
task's result, as the import preview → apply flow does), must not crash the process: pyproj
frees a pool thread's PROJ context with the Python thread state (workers._pin_proj_context)."""

from bomenplan.services.importing.crs import make_transformation
from bomenplan.ui.workers import FunctionRunnable, serial_pool


def test_chained_reprojection_tasks_do_not_crash(qtbot):
    pool = serial_pool()
    done, keep = [], []

    def work(_progress, _cancelled):
        return make_transformation("EPSG:4326").description

    def start():
        task = FunctionRunnable(work)
        keep.append(task)
        task.signals.finished.connect(on_done)
        pool.start(task)

    def on_done(description):
        done.append(description)
        if len(done) < 4:
            start()

    start()
    qtbot.waitUntil(lambda: len(done) == 4, timeout=20000)
    assert all("Amersfoort" in d for d in done)
    pool.waitForDone()
