#include "engine/experiment/materialize.h"

#include "engine/core/error.h"
#include "engine/data/features.h"
#include "engine/images/image_datasets.h"

namespace nnplay {

std::shared_ptr<const Dataset> build_dataset(const Experiment& e) {
  if (e.data.source == "images") {
    ImageDataSpec spec;
    spec.name = e.data.images.name;
    spec.dir = e.data.images.dir;
    spec.limit_train = e.data.images.limit_train;
    spec.limit_test = e.data.images.limit_test;
    spec.standardize = e.data.images.standardize;
    spec.validation_fraction = e.splits.validation > 0 ? e.splits.validation : 0.1;
    spec.seed = e.seed;
    return std::make_shared<Dataset>(load_image_dataset(spec));
  }
  PointSet pts = e.data.points;
  pts.task = e.task;
  return std::make_shared<Dataset>(make_dataset(pts, e.features));
}

}  // namespace nnplay
