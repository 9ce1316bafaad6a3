/// What the ten classes of a data set are called, where the data set is known: MNIST's
/// digits (the bundled subset, or a directory named like it) and Fashion-MNIST's
/// garments, recognised by the directory's name.
struct ClassNames: Equatable {
    static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                          "Ankle boot"]
    static let digits = (0 ..< 10).map(String.init)

    /// Index = label.
    var names: [String]
    /// What one example is: "digit", "garment", or "image" for an unknown set.
    var noun: String

    /// The names for `--data directory` (nil: the bundled MNIST subset).
    static func forData(directory: String?) -> ClassNames {
        guard let directory else { return ClassNames(names: digits, noun: "digit") }
        let name = directory.lowercased()
        if name.contains("fashion") { return ClassNames(names: fashion, noun: "garment") }
        if name.contains("mnist") { return ClassNames(names: digits, noun: "digit") }
        return ClassNames(names: digits, noun: "image")
    }

    /// The name of class `label` ("7" for an unknown label).
    func name(_ label: Int) -> String { names.indices.contains(label) ? names[label] : String(label) }
}
