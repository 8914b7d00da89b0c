#include "engine/experiment/materialize.h"

#include "engine/core/error.h"
#include "engine/data/features.h"

namespace nnplay {

std::shared_ptr<const Dataset> build_dataset(const Experiment& e) {
  if (e.data.source == "images")
    throw Error("image datasets are not available in this build yet");
  PointSet pts = e.data.points;
  pts.task = e.task;
  return std::make_shared<Dataset>(make_dataset(pts, e.features));
}

}  // namespace nnplay
