export default function ProblemsPage() { return null; }
