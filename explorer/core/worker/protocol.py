"""What the window and the Keras worker process say to each other: frozen dataclasses, pickled
over a ``multiprocessing`` connection.

References travel as text (``Reference.request_text()``): the worker parses them again, so a
design that lives only in the window travels as its JSON. Builds carry a generation number and
only the newest is done; every other request carries a request number that its replies repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.analysis.summary import ModelSummary
from explorer.core.analysis.sweep import SweepPoint
from explorer.core.params.specs import Value
from explorer.core.weights.compatibility import CompatibilityReport
from explorer.core.worker.devices import DeviceReport

# --- requests: window -> worker -------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    generation: int
    reference: str
    preview: bool = True


@dataclass(frozen=True)
class SaveWeights:
    request: int
    reference: str
    path: str


@dataclass(frozen=True)
class CheckWeights:
    request: int
    reference: str
    path: str


@dataclass(frozen=True)
class LoadWeights:
    request: int
    reference: str
    path: str


@dataclass(frozen=True)
class Sweep:
    request: int
    reference: str
    param: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Cancel:
    """Stop sweep ``request`` after the point under way."""

    request: int


@dataclass(frozen=True)
class Stop:
    """End the worker process."""


WeightsRequest = SaveWeights | CheckWeights | LoadWeights
Request = Build | SaveWeights | CheckWeights | LoadWeights | Sweep | Cancel | Stop

# --- replies: worker -> window --------------------------------------------------------------


@dataclass(frozen=True)
class Ready:
    """TensorFlow has loaded; ``devices`` is what it can use."""

    devices: DeviceReport


@dataclass(frozen=True)
class StartUpFailed:
    message: str


@dataclass(frozen=True)
class BuildStarted:
    generation: int


@dataclass(frozen=True)
class Built:
    generation: int
    summary: ModelSummary
    seconds: float


@dataclass(frozen=True)
class BuildFailed:
    generation: int
    message: str


@dataclass(frozen=True)
class Progress:
    request: int
    message: str


@dataclass(frozen=True)
class WeightsSaved:
    request: int
    path: str


@dataclass(frozen=True)
class WeightsChecked:
    request: int
    report: CompatibilityReport


@dataclass(frozen=True)
class WeightsLoaded:
    request: int
    summary: ModelSummary
    report: CompatibilityReport


@dataclass(frozen=True)
class WeightsFailed:
    request: int
    message: str
    report: CompatibilityReport | None = None  # when the file was read but does not fit


@dataclass(frozen=True)
class SweepPointDone:
    request: int
    index: int
    point: SweepPoint


@dataclass(frozen=True)
class SweepDone:
    request: int
    cancelled: bool


@dataclass(frozen=True)
class SweepFailed:
    request: int
    message: str


WeightsReply = WeightsSaved | WeightsChecked | WeightsLoaded | WeightsFailed
Reply = (
    Ready
    | StartUpFailed
    | BuildStarted
    | Built
    | BuildFailed
    | Progress
    | WeightsSaved
    | WeightsChecked
    | WeightsLoaded
    | WeightsFailed
    | SweepPointDone
    | SweepDone
    | SweepFailed
)
