// Everything waits behind one dynamic import, so webpack's shared scope is set up first.
import("./bootstrap.js");
