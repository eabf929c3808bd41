export default function ProblemPage() { return null; }
