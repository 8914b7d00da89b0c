// One place that pulls in the OpenGL 3.3 entry points: Debian's glvnd libGL exports them all,
// so prototypes are enough (no loader). Only app/gui/gfx includes this, main thread only.
#pragma once
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
