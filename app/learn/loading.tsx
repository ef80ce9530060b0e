import { Spinner } from '@/components/ui/Spinner';

/** /learn reads live values from this machine before it renders: say so instead of a blank page. */
export default function LearnLoading() {
  return (
    <p role="status" className="pt-6 text-lg text-slate-700 dark:text-slate-300">
      <Spinner /> Reading this machine’s listeners, port ranges and name resolution…
    </p>
  );
}
