// What each step of the backprop step-through shows and says. The sentences carry the formula
// with this sample's numbers, so a student can check one line of the chain rule at a time.
#include <cstdio>
#include <string>

#include "app/gui/panels/backprop_parts.h"

namespace nnplay::gui::backprop {

namespace {

std::string f(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string derivative_text(ActivationKind k) {
  switch (k) {
    case ActivationKind::Sigmoid: return "f'(z) = \xcf\x83(z)(1 \xe2\x88\x92 \xcf\x83(z)) = a(1 \xe2\x88\x92 a)";
    case ActivationKind::Tanh: return "f'(z) = 1 \xe2\x88\x92 a\xc2\xb2";
    case ActivationKind::Relu: return "f'(z) = 1 if z > 0, else 0";
    case ActivationKind::LeakyRelu: return "f'(z) = 1 if z > 0, else the leak slope";
    case ActivationKind::Elu: return "f'(z) = 1 if z > 0, else a + \xce\xb1";
    case ActivationKind::Linear: return "f'(z) = 1";
    case ActivationKind::Softmax: return "the softmax Jacobian";
  }
  return "";
}

std::string loss_formula(const Loss& loss) {
  switch (loss.kind) {
    case LossKind::Mse: return "L = (y \xe2\x88\x92 t)\xc2\xb2";
    case LossKind::Bce: return "L = \xe2\x88\x92[t log p + (1 \xe2\x88\x92 t) log(1 \xe2\x88\x92 p)]";
    case LossKind::SoftmaxCe: return "L = \xe2\x88\x92log p_t";
  }
  return "";
}

}  // namespace

Visible visible_at(const BackpropTrace& t, int step) {
  Visible v;
  const int L = int(t.layers.size());
  for (int i = 0; i <= step && i < int(t.steps.size()); ++i) {
    const TraceStep& s = t.steps[size_t(i)];
    switch (s.kind) {
      case TraceStepKind::Input: v.highlight = -1; break;
      case TraceStepKind::Forward: v.forward_through = s.layer, v.highlight = s.layer; break;
      case TraceStepKind::Loss: v.loss = true, v.highlight = L; break;
      case TraceStepKind::Backward: v.backward_from = s.layer, v.highlight = s.layer; break;
      case TraceStepKind::Update: v.update = true, v.highlight = -2; break;
    }
  }
  return v;
}

std::string step_title(const BackpropTrace& t, int step) {
  const TraceStep& s = t.steps[size_t(step)];
  const int L = int(t.layers.size());
  const std::string which = s.layer == L - 1 ? "output layer" : "hidden layer " + std::to_string(s.layer + 1);
  switch (s.kind) {
    case TraceStepKind::Input: return "Input";
    case TraceStepKind::Forward: return "Forward: " + which;
    case TraceStepKind::Loss: return "Loss";
    case TraceStepKind::Backward: return "Backward: " + which;
    case TraceStepKind::Update: return "Update";
  }
  return "";
}

std::string step_text(const BackpropTrace& t, int step, const Loss& loss, double lr) {
  const TraceStep& s = t.steps[size_t(step)];
  const int L = int(t.layers.size());
  switch (s.kind) {
    case TraceStepKind::Input:
      return "The sample's features are placed on the input neurons. Press Next to push them forward.";
    case TraceStepKind::Forward: {
      const auto& l = t.layers[size_t(s.layer)];
      const bool fused = t.fused_output && s.layer == L - 1;
      std::string act = fused ? (loss.kind == LossKind::Bce ? "\xcf\x83(z)" : "softmax(z)") : "f(z)";
      return "Each neuron adds up its weighted inputs plus its bias, z = \xce\xa3 w\xc2\xb7" "a_prev + b, "
             "then applies its activation, a = " + act + " (" + l.activation.name() + ").";
    }
    case TraceStepKind::Loss:
      return "The output is compared with the target: " + loss_formula(loss) + " = " + f("%.4f", t.loss) +
             (loss.kind == LossKind::Mse ? "   (dL/dy = 2(y \xe2\x88\x92 t))" : "");
    case TraceStepKind::Backward: {
      const auto& l = t.layers[size_t(s.layer)];
      std::string first;
      if (s.layer == L - 1 && t.fused_output)
        first = "At the output the loss and its " + l.activation.name() +
                " combine into a simple error: \xce\xb4 = p \xe2\x88\x92 t.";
      else if (s.layer == L - 1)
        first = "\xce\xb4 = dL/dz = dL/da \xc2\xb7 f'(z), with dL/da = 2(y \xe2\x88\x92 t) and " +
                derivative_text(l.activation.kind) + ".";
      else
        first = "Each neuron collects the error sent back to it, dL/da = \xce\xa3 w\xc2\xb7\xce\xb4_next, then "
                "\xce\xb4 = dL/da \xc2\xb7 f'(z) with " + derivative_text(l.activation.kind) + ".";
      return first + " Each weight's gradient is dL/dw = \xce\xb4 \xc2\xb7 (its input a); the bias's is \xce\xb4.";
    }
    case TraceStepKind::Update:
      return "Gradient descent moves every weight against its gradient: w \xe2\x86\x90 w \xe2\x88\x92 \xce\xb7\xc2\xb7" "dL/dw with "
             "\xce\xb7 = " + f("%g", lr) + ". The new weights are shown on the lines.";
  }
  return "";
}

}  // namespace nnplay::gui::backprop
