// GLSL program wrapper and shader file lookup (see shader.h).
#include "app/gui/gfx/shader.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/gui/gfx/gl.h"

namespace nnplay::gui {

namespace {

std::string info_log(GLuint object, bool is_program) {
  GLint length = 0;
  if (is_program) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
  else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(length > 0 ? length : 1), '\0');
  if (is_program) glGetProgramInfoLog(object, length, nullptr, log.data());
  else glGetShaderInfoLog(object, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

// Returns the shader object, or 0 with `error` set to "<name>: compile error:\n<log>".
GLuint compile(GLenum stage, const std::string& src, const std::string& name, std::string& error) {
  const GLuint s = glCreateShader(stage);
  const char* text = src.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    error = name + ": compile error:\n" + info_log(s, false);
    glDeleteShader(s);
    return 0;
  }
  return s;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

bool ShaderProgram::build(const std::string& vertex_src, const std::string& vertex_name,
                          const std::string& fragment_src, const std::string& fragment_name) {
  reset();
  error_.clear();
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex_src, vertex_name, error_);
  if (!vs) return false;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_src, fragment_name, error_);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);  // flagged for deletion; freed with the program
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    error_ = vertex_name + " + " + fragment_name + ": link error:\n" + info_log(program, true);
    glDeleteProgram(program);
    return false;
  }
  id_ = program;
  return true;
}

void ShaderProgram::reset() {
  if (id_ != 0) glDeleteProgram(id_);
  id_ = 0;
}

int ShaderProgram::uniform(const char* name) const {
  return id_ ? glGetUniformLocation(id_, name) : -1;
}

std::optional<std::string> load_shader_file(const std::string& file_name,
                                            std::string* found_path) {
  std::vector<std::filesystem::path> dirs;
#ifdef NNPLAY_SOURCE_DIR
  dirs.emplace_back(std::filesystem::path(NNPLAY_SOURCE_DIR) / "shaders");
#endif
  const auto exe = executable_dir();
  if (!exe.empty()) {
    dirs.push_back(exe / "shaders");
    dirs.push_back(exe.parent_path() / "shaders");
    dirs.push_back(exe.parent_path() / "share" / "nnplay" / "shaders");
  }
  for (const auto& dir : dirs) {
    const auto path = dir / file_name;
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    if (found_path) *found_path = path.string();
    return text.str();
  }
  return std::nullopt;
}

std::string build_from_files_or_builtin(ShaderProgram& program, const std::string& name,
                                        const char* builtin_vert, const char* builtin_frag) {
  std::string vert_path, frag_path, problem;
  const auto vert = load_shader_file(name + ".vert", &vert_path);
  const auto frag = load_shader_file(name + ".frag", &frag_path);
  if (vert && frag && program.build(*vert, vert_path, *frag, frag_path)) return problem;
  if (vert && frag) problem = program.error() + "\n(using the built-in copy of the shader)";
  if (!program.build(builtin_vert, "built-in " + name + ".vert", builtin_frag,
                     "built-in " + name + ".frag"))
    problem += (problem.empty() ? "" : "\n") + program.error();
  return problem;
}

}  // namespace nnplay::gui
