#include "app/gui/panels/image_common.h"

#include <algorithm>
#include <exception>

namespace nnplay::gui {

std::string class_label(const Snapshot& s, int k) {
  if (s.data && k >= 0 && k < int(s.data->class_names.size())) return s.data->class_names[k];
  if (s.num_classes == 10 && k >= 0 && k < 10) return std::to_string(k);  // digits
  return "class " + std::to_string(k);
}

std::vector<float> split_image(const DataSplit& split, int row) {
  std::vector<float> out;
  if (row < 0 || row >= split.rows()) return out;
  if (split.pixel_width > 0) {
    const uint8_t* p = &split.pixels[size_t(row) * split.pixel_width];
    out.resize(split.pixel_width);
    for (int i = 0; i < split.pixel_width; ++i) out[i] = p[i] / 255.0f;
  } else {
    out.assign(split.x.row(row).data(), split.x.row(row).data() + split.x.cols());
  }
  return out;
}

ImU32 grey_u32(float v) {
  const int g = static_cast<int>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
  return IM_COL32(g, g, g, 255);
}

const Inspector* InspectorCache::get(const Snapshot* s) {
  if (!s || s->params.empty()) {
    why_ = "Waiting for the first snapshot of the network.";
    return nullptr;
  }
  try {
    if (!inspector_ || !(s->spec == spec_) || s->params.size() != param_count_) {
      inspector_.reset();
      spec_ = s->spec;
      param_count_ = s->params.size();
      inspector_ = std::make_unique<Inspector>(s->spec, s->params, s->loss);
      params_version_ = s->params_version;
      ++version_;
    } else if (s->params_version != params_version_) {
      inspector_->set_params(s->params);
      params_version_ = s->params_version;
      ++version_;
    }
    // Drawn or shown images are in [0, 1]; the network sees them as training converts them.
    if (s->data && s->data->train.pixel_width > 0)
      inspector_->set_input_transform(s->data->train.pixel_scale * 255, s->data->train.pixel_offset);
    why_.clear();
  } catch (const std::exception& e) {
    inspector_.reset();
    why_ = e.what();
  }
  return inspector_.get();
}

const Inspector* inspector_or_explain(InspectorCache& cache, const Snapshot* s) {
  const Inspector* insp = cache.get(s);
  if (!insp) ImGui::TextWrapped("%s", cache.why().c_str());
  return insp;
}

}  // namespace nnplay::gui
