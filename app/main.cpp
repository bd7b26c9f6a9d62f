#include "commandline.h"

int main(int argc, char **argv) { return bwi::app::runCommandLine(argc, argv); }
