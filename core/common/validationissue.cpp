#include "core/common/validationissue.h"

namespace bwi::core {

std::string formatIssues(const std::string &fileName, const ValidationIssues &issues) {
  std::string text;
  for (const ValidationIssue &issue : issues) {
    text += issue.file.empty() ? fileName : issue.file;
    text += ": ";
    if (!issue.path.empty()) {
      text += issue.path;
      text += ": ";
    }
    text += issue.message;
    text += '\n';
  }
  return text;
}

} // namespace bwi::core
