// From an experiment description to what the trainer consumes.
#pragma once
#include <memory>

#include "engine/data/dataset.h"
#include "engine/experiment/experiment.h"

namespace nnplay {

// Builds the Dataset (features applied, splits assigned) from the experiment's points or
// image source. Throws Error when the data is missing or does not fit the task.
std::shared_ptr<const Dataset> build_dataset(const Experiment& e);

}  // namespace nnplay
