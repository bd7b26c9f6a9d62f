# Writes OUTPUT: a C++ source defining bwi::resources::SYMBOL() that returns
# the bytes of INPUT as a std::string_view.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.\n#include \"resources/embeddedresources.h\"\n\nnamespace bwi::resources {\nnamespace {\nconst unsigned char data[] = {\n${bytes}0};\n}\nstd::string_view ${SYMBOL}() { return {reinterpret_cast<const char *>(data), ${byte_count}}; }\n}\n")
