// Teaching tooltips: a "(?)" marker after a control, or a tooltip on the item just drawn.
// Text is one or two plain sentences explaining the concept, not the widget.
#pragma once

namespace nnplay::gui {

void help_marker(const char* text);          // draws "(?)" on the same line
void tooltip_for_last_item(const char* text);  // tooltip when the last item is hovered

}  // namespace nnplay::gui
