// RAII owner of a linked GLSL program, and where shader files are found at run time: the
// repository's shaders/ folder (NNPLAY_SOURCE_DIR), or shaders/ next to or above the
// executable, so a shader can be edited without rebuilding.
#pragma once
#include <optional>
#include <string>

namespace nnplay::gui {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ~ShaderProgram() { reset(); }
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  // Compiles both stages and links them. On failure returns false, keeps no program, and
  // error() names the file that failed and quotes the driver's info log.
  bool build(const std::string& vertex_src, const std::string& vertex_name,
             const std::string& fragment_src, const std::string& fragment_name);
  void reset();

  unsigned id() const { return id_; }
  bool ok() const { return id_ != 0; }
  const std::string& error() const { return error_; }
  // Location of a uniform (-1 when the compiler removed it or it does not exist).
  int uniform(const char* name) const;

 private:
  unsigned id_ = 0;
  std::string error_;
};

// Text of shaders/<file_name> from the first place it exists (see above); nullopt if none.
// *found_path (optional) receives where it was read from.
std::optional<std::string> load_shader_file(const std::string& file_name,
                                            std::string* found_path = nullptr);

// Builds `program` from shaders/<name>.vert and .frag; when they are missing or do not compile,
// from the built-in copies. Returns a problem worth showing (empty when the files were used):
// the files win so a shader can be edited without rebuilding, the copies keep a moved binary
// (or a broken edit) drawing.
std::string build_from_files_or_builtin(ShaderProgram& program, const std::string& name,
                                        const char* builtin_vert, const char* builtin_frag);

}  // namespace nnplay::gui
