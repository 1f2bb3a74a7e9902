import Foundation

/// Writes a line to standard error: messages for people, kept out of output meant for scripts.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
