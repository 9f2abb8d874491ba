// Module scripts run in order, so this one runs after every copy of the script above it.
window.bundlePageReady = true;
