// swift-tools-version: 6.1
import PackageDescription

// marac builds and runs on Linux only (Debian or Ubuntu, with libncurses-dev): its store calls
// Glibc directly (open, write, fdatasync, flock, mmap) and its screen is Debian's ncursesw.
// SwiftPM's `platforms` names minimum versions of Apple's systems, so none is given; building
// elsewhere stops at an #error in Sources/MARACStore/Disk.swift that says so.
let package = Package(
    name: "marac",
    products: [
        .executable(name: "marac", targets: ["marac"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "MARACCore"),
        .target(name: "CStoreSupport"),
        .target(
            name: "MARACStore",
            dependencies: [
                "MARACCore", "CStoreSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Spreadsheets in, minutes, action lists, calendars and the data return out.
        .target(
            name: "MARACExchange",
            dependencies: ["MARACCore", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(name: "MARACTUI", dependencies: ["MARACCore", "MARACExchange", "CNCursesW"]),
        .executableTarget(
            name: "marac",
            dependencies: [
                "MARACCore", "MARACStore", "MARACTUI", "MARACExchange", "CStoreSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MARACCoreTests",
            dependencies: [
                "MARACCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // The benchmark: swift run -c release marac-bench
        .executableTarget(
            name: "marac-bench",
            dependencies: [
                "MARACCore", "MARACStore", "MARACTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Drives a store from a separate process for the crash, concurrency and full-disk tests.
        .executableTarget(name: "store-exerciser", dependencies: ["MARACStore", "MARACCore"]),
        // What the tests share: starting programs, tmux sessions, temporary folders, the tests' day.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MARACStoreTests", dependencies: ["MARACStore", "MARACCore", "store-exerciser", "TestSupport"]),
        .testTarget(name: "MARACTUITests", dependencies: ["MARACTUI", "MARACCore", "CNCursesW"]),
        .testTarget(name: "MARACExchangeTests", dependencies: ["MARACExchange", "MARACCore", "TestSupport"]),
        .testTarget(name: "maracTests", dependencies: ["marac", "TestSupport"]),
    ]
)
